using Gateway.Mrz.Internal;

namespace Gateway.Mrz.Tests.Internal;

public sealed class CountryCodesTests
{
    [Theory]
    [InlineData("TWN")]
    [InlineData("UTO")]
    [InlineData("UNO")]
    [InlineData("UNA")]
    [InlineData("UNK")]
    [InlineData("XXA")]
    [InlineData("XXB")]
    [InlineData("XXC")]
    [InlineData("XXX")]
    [InlineData("GBD")]
    [InlineData("GBN")]
    [InlineData("GBO")]
    [InlineData("GBP")]
    [InlineData("GBS")]
    [InlineData("EUE")]
    [InlineData("XPO")]
    [InlineData("XOM")]
    [InlineData("XBA")]
    [InlineData("XEC")]
    [InlineData("D<<")]
    [InlineData("DEU")]
    [InlineData("ZWE")]
    [InlineData("ANT")]
    public void IsKnown_IsoAndDoc9303Codes_AreKnown(string code)
    {
        Assert.True(CountryCodes.IsKnown(code));
    }

    [Theory]
    [InlineData("ZIM")]
    [InlineData("INP")]
    [InlineData("WSA")]
    [InlineData("D<")]
    [InlineData("<<<")]
    [InlineData("U1O")]
    public void IsKnown_OtherCodes_AreUnknown(string code)
    {
        Assert.False(CountryCodes.IsKnown(code));
    }

    [Fact]
    public void Normalize_Germany_IsDeu()
    {
        Assert.Equal(("DEU", "FRA"), (CountryCodes.Normalize("D"), CountryCodes.Normalize("FRA")));
    }
}
