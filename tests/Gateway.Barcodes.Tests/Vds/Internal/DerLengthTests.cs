using Gateway.Barcodes.Vds.Internal;

namespace Gateway.Barcodes.Tests.Vds.Internal;

public sealed class DerLengthTests
{
    [Theory]
    [InlineData("00", 0, 1)]
    [InlineData("7F", 127, 1)]
    [InlineData("8180", 128, 2)]
    [InlineData("820100", 256, 3)]
    [InlineData("8400000005", 5, 5)]
    public void TryRead_DerForms_ReadLengthAndSize(string hex, int length, int size)
    {
        Assert.True(DerLength.TryRead(Convert.FromHexString(hex), 0, out var read, out var readSize, out _));
        Assert.Equal((length, size), (read, readSize));
    }

    [Theory]
    [InlineData("", "ends before")]
    [InlineData("80", "Indefinite")]
    [InlineData("85000000000001", "not a DER length")]
    [InlineData("82FF", "ends inside")]
    [InlineData("84FFFFFFFF", "beyond")]
    public void TryRead_BadForms_SayWhy(string hex, string why)
    {
        Assert.False(DerLength.TryRead(Convert.FromHexString(hex), 0, out _, out _, out var error));
        Assert.Contains(why, error, StringComparison.Ordinal);
    }
}
