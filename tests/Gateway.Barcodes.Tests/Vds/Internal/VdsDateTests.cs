using Gateway.Barcodes.Vds.Internal;

namespace Gateway.Barcodes.Tests.Vds.Internal;

public sealed class VdsDateTests
{
    [Theory]
    [InlineData("8D7AD8", 2024, 9, 27)] // tsenger/vdstools VdsHeaderCommonTest
    [InlineData("0F7134", 2020, 1, 1)]
    [InlineData("319EF5", 1957, 3, 25)]
    public void TryDecode_MmDdYyyyNumber_ReadsTheDate(string hex, int year, int month, int day)
    {
        Assert.True(VdsDate.TryDecode(Convert.FromHexString(hex), out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("000000")] // month 0
    [InlineData("FFFFFF")] // month 16
    [InlineData("232044")] // 02302020: 30 February
    [InlineData("0F71")] // too short
    public void TryDecode_NoDate_ReturnsFalse(string hex)
    {
        Assert.False(VdsDate.TryDecode(Convert.FromHexString(hex), out _));
    }
}
