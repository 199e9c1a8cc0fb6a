using Gateway.Barcodes.Bcbp;

namespace Gateway.Barcodes.Tests.Bcbp.Internal;

public sealed class BcbpSecurityReaderTests
{
    [Fact]
    public void Parse_MalformedSecurityLength_LenientReadsDataPresent()
    {
        var result = BcbpParser.Parse(BcbpVectors.PartialWithMalformedSecurity);

        Assert.True(result.Valid, string.Join("; ", result.Issues));
        Assert.Equal("security_size_mismatch", Assert.Single(result.Tolerances).Name);
        Assert.Equal("GRANDMAIRE/MELANIE", result.GetValue("passenger_name"));
        Assert.Equal("1234567890123456", result.GetValue("frequent_flyer_number", "leg_1"));
        Assert.Equal("BCDEFGH", result.GetValue("security_data"));
    }

    [Fact]
    public void Parse_MalformedSecurityLength_StrictReportsError()
    {
        var result = BcbpParser.Parse(BcbpVectors.PartialWithMalformedSecurity, ParseMode.Strict);

        Assert.False(result.Valid);
        Assert.Contains(result.Errors, e => e.Code == "security_size_mismatch" && e.Offset == 110);
    }

    [Fact]
    public void Parse_SecurityHeaderCut_ReportsTruncated()
    {
        var result = BcbpParser.Parse(BcbpVectors.MandatoryOnly + "^1");

        Assert.Contains(result.Errors, e => e.Code == "truncated" && e.Offset == 62);
    }

    [Fact]
    public void Parse_TrailingNewlineAfterSecurity_LenientIgnoresIt()
    {
        var result = BcbpParser.Parse(BcbpVectors.MandatoryWithSecurity + "\n");

        Assert.True(result.Valid);
        Assert.Equal("trailing_whitespace", Assert.Single(result.Tolerances).Name);
        Assert.Equal(BcbpVectors.SecurityData, result.GetValue("security_data"));
    }

    [Fact]
    public void Parse_GarbageAfterLastLeg_ReportsUnexpectedData()
    {
        var result = BcbpParser.Parse(BcbpVectors.MandatoryWithSecurity.Replace('^', '#'), ParseMode.Strict);

        Assert.False(result.Valid);
    }

    [Fact]
    public void Parse_SecurityDataInLowercase_IsNotFolded()
    {
        var result = BcbpParser.Parse(BcbpVectors.MandatoryOnly + "^104abcd", ParseMode.Strict);

        Assert.True(result.Valid);
        Assert.Equal("abcd", result.GetValue("security_data"));
    }
}
