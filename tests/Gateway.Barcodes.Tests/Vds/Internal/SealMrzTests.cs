using Gateway.Barcodes.Vds.Internal;

namespace Gateway.Barcodes.Tests.Vds.Internal;

public sealed class SealMrzTests
{
    [Theory]
    [InlineData("DocumentCode", "document_code")]
    [InlineData("OptionalData1", "optional_data_1")]
    [InlineData("DateOfBirth", "date_of_birth")]
    public void SnakeCase_MrzNames_BecomeFieldNames(string name, string expected)
    {
        Assert.Equal(expected, SealMrz.SnakeCase(name));
    }

    [Fact]
    public void Lines_MrvB_PadsTheOmittedOptionalDataWithFillers()
    {
        var lines = SealMrz.Lines(new string('A', 36) + new string('1', 28), FeatureCoding.MrvB, out var layout);

        Assert.Equal("MRV-B", layout);
        Assert.Equal(new string('1', 28) + new string('<', 8), lines![1]);
    }

    [Theory]
    [InlineData(72, 2)]
    [InlineData(88, 2)]
    [InlineData(90, 3)]
    [InlineData(71, 0)]
    public void Lines_GenericMrz_TakesItsLayoutFromItsLength(int length, int lineCount)
    {
        var lines = SealMrz.Lines(new string('A', length), FeatureCoding.Mrz, out _);

        Assert.Equal(lineCount, lines?.Length ?? 0);
    }

    [Fact]
    public void Lines_SpacesAreFillers()
    {
        Assert.Equal("I<UTO", SealMrz.Lines("I UTO" + new string(' ', 67), FeatureCoding.Mrz, out _)![0][..5]);
    }
}
