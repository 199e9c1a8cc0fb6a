using Gateway.Barcodes.Bcbp;
using Gateway.Barcodes.Tests.Bcbp;

namespace Gateway.Barcodes.Tests;

public sealed class PayloadResultTests
{
    [Fact]
    public void GetField_UnknownNameOrGroup_ReturnsNull()
    {
        var result = BcbpParser.Parse(BcbpVectors.MandatoryOnly);

        Assert.Null(result.GetField("nonexistent"));
        Assert.Null(result.GetField("from_airport"));
        Assert.Null(result.GetValue("from_airport", "leg_2"));
        Assert.Null(result.GetCheck("nonexistent"));
    }

    [Fact]
    public void Valid_FollowsErrorsOnly()
    {
        var warned = BcbpParser.Parse(BcbpVectors.MandatoryOnly.Replace("326", "999", StringComparison.Ordinal));
        var failed = BcbpParser.Parse(BcbpVectors.MandatoryOnly[..30]);

        Assert.True(warned.Valid);
        Assert.NotEmpty(warned.Warnings);
        Assert.Empty(warned.Errors);
        Assert.False(failed.Valid);
        Assert.NotEmpty(failed.Errors);
    }

    [Fact]
    public void Key_JoinsGroupAndName()
    {
        Assert.Equal("leg_1.seat", new PayloadField("leg_1", "seat", "001A", "001A", "104", 48).Key);
        Assert.Equal("passenger_name", new PayloadField("", "passenger_name", "X", "X", "11", 2).Key);
    }
}
