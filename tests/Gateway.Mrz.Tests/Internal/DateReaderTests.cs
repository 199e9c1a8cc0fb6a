using Gateway.Mrz.Internal;

namespace Gateway.Mrz.Tests.Internal;

public sealed class DateReaderTests
{
    private static readonly DateOnly Reference = new(2025, 6, 1);

    [Theory]
    [InlineData("741312", MrzDateStatus.Invalid)]
    [InlineData("740132", MrzDateStatus.Invalid)]
    [InlineData("230229", MrzDateStatus.Invalid)]
    [InlineData("240229", MrzDateStatus.Complete)]
    [InlineData("7<0812", MrzDateStatus.Invalid)]
    [InlineData("74O812", MrzDateStatus.Invalid)]
    [InlineData("7408<<", MrzDateStatus.Partial)]
    [InlineData("<<0812", MrzDateStatus.Partial)]
    [InlineData("<<<<<<", MrzDateStatus.Unknown)]
    [InlineData("740000", MrzDateStatus.Invalid)]
    public void ReadBirth_ClassifiesDates(string text, MrzDateStatus status)
    {
        Assert.Equal(status, DateReader.ReadBirth(text, Reference).Status);
    }

    [Theory]
    [InlineData("250601", 2025)]
    [InlineData("250602", 1925)]
    [InlineData("26<<<<", 1926)]
    [InlineData("000101", 2000)]
    public void ReadBirth_ResolvesMostRecentPastYear(string text, int year)
    {
        Assert.Equal(year, DateReader.ReadBirth(text, Reference).Year);
    }

    [Theory]
    [InlineData("750101", 50, 2075)]
    [InlineData("760101", 50, 1976)]
    [InlineData("990101", 50, 1999)]
    [InlineData("450101", 20, 2045)]
    [InlineData("460101", 20, 1946)]
    public void ReadExpiry_ResolvesForwardWindow(string text, int window, int year)
    {
        var date = DateReader.ReadExpiry(text, Reference, window);

        Assert.Equal((year, MrzCenturyRule.ForwardWindow), (date.Year, date.CenturyRule));
    }
}
