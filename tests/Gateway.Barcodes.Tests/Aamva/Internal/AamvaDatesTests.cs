using Gateway.Barcodes.Aamva.Internal;

namespace Gateway.Barcodes.Tests.Aamva.Internal;

public sealed class AamvaDatesTests
{
    [Theory]
    [InlineData(1, "USA", true)]
    [InlineData(1, "CAN", true)]
    [InlineData(2, "USA", false)]
    [InlineData(10, "CAN", true)]
    [InlineData(10, null, false)]
    public void Choose_VersionAndCountry_PicksLayout(int version, string? country, bool yearFirst)
    {
        var expected = yearFirst ? AamvaDateOrder.YearMonthDay : AamvaDateOrder.MonthDayYear;

        Assert.Equal(expected, AamvaDates.Choose(version, country).Order);
    }

    [Theory]
    [InlineData("02291990")]
    [InlineData("1990070")]
    [InlineData("07-04-90")]
    [InlineData("")]
    public void TryRead_InvalidDate_ReturnsFalse(string raw)
    {
        Assert.False(AamvaDates.TryRead(raw, AamvaDateOrder.MonthDayYear, out _));
    }

    [Fact]
    public void TryRead_LeapDay_ReadsIt()
    {
        Assert.True(AamvaDates.TryRead("20000229", AamvaDateOrder.YearMonthDay, out var date));
        Assert.Equal(new DateOnly(2000, 2, 29), date);
    }
}
