using Gateway.Barcodes.Bcbp;

namespace Gateway.Barcodes.Tests.Bcbp.Internal;

public sealed class BcbpReaderTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    public void Parse_Empty_ReportsEmpty(string payload)
    {
        var result = BcbpParser.Parse(payload);

        Assert.False(result.Valid);
        Assert.Contains(result.Errors, e => e.Code == "empty");
    }

    [Fact]
    public void Parse_OtherFormatCode_ReportsNotBcbp()
    {
        var result = BcbpParser.Parse("X" + BcbpVectors.MandatoryOnly[1..]);

        Assert.False(result.Valid);
        var error = Assert.Single(result.Errors);
        Assert.Equal("not_bcbp", error.Code);
        Assert.Equal(0, error.Offset);
        Assert.Equal(CheckStatus.Failed, result.GetCheck("format_code")!.Value.Status);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(23)]
    [InlineData(40)]
    [InlineData(58)]
    [InlineData(59)]
    public void Parse_TruncatedMandatoryItems_ReportsTruncated(int length)
    {
        var result = BcbpParser.Parse(BcbpVectors.MandatoryOnly[..length]);

        Assert.False(result.Valid);
        Assert.Contains(result.Errors, e => e.Code == "truncated" && e.Offset == length);
    }

    [Fact]
    public void Parse_TruncatedMandatoryItems_StillShowsLeadingItems()
    {
        var result = BcbpParser.Parse(BcbpVectors.MandatoryOnly[..40]);

        Assert.Equal("DESMARAIS/LUC", result.GetValue("passenger_name"));
        Assert.Equal("FRA", result.GetValue("to_airport", "leg_1"));
    }

    [Fact]
    public void Parse_ZeroLegs_ReportsBadNumberOfLegs()
    {
        var result = BcbpParser.Parse("M0" + BcbpVectors.MandatoryOnly[2..]);

        Assert.Contains(result.Errors, e => e.Code == "bad_number_of_legs" && e.Offset == 1);
    }

    [Fact]
    public void Parse_SecondLegMissing_ReportsTruncated()
    {
        var result = BcbpParser.Parse("M2" + BcbpVectors.MandatoryOnly[2..]);

        Assert.False(result.Valid);
        Assert.Contains(result.Errors, e => e.Code == "truncated" && e.Offset == 60);
    }

    [Fact]
    public void Parse_VariableSizeNotHex_ReportsSizeNotHex()
    {
        var result = BcbpParser.Parse(BcbpVectors.MandatoryOnly[..58] + "G0");

        Assert.Contains(result.Errors, e => e.Code == "size_not_hex" && e.Offset == 58);
    }

    [Fact]
    public void Parse_LastLegSizeLargerThanData_LenientReadsDataAndSaysSo()
    {
        // The Lufthansa example with its trailing spaces stripped, as some scanners do.
        var payload = BcbpVectors.LufthansaV2.TrimEnd();

        var result = BcbpParser.Parse(payload);

        Assert.True(result.Valid, string.Join("; ", result.Issues));
        var tolerance = Assert.Single(result.Tolerances);
        Assert.Equal("conditional_size_mismatch", tolerance.Name);
        Assert.Equal(58, tolerance.Offset);
        Assert.Equal(CheckStatus.Failed, result.GetCheck("variable_size_leg_1")!.Value.Status);
        Assert.Equal("*30600000K09", result.GetValue("airline_individual_use", "leg_1"));
    }

    [Fact]
    public void Parse_LastLegSizeLargerThanData_StrictReportsError()
    {
        var result = BcbpParser.Parse(BcbpVectors.LufthansaV2.TrimEnd(), ParseMode.Strict);

        Assert.False(result.Valid);
        Assert.Equal(ParseMode.Strict, result.Mode);
        Assert.Empty(result.Tolerances);
        Assert.Contains(result.Errors, e => e.Code == "conditional_size_mismatch");
    }

    [Fact]
    public void Parse_LastLegSizeSmallerThanData_LenientEndsLegAtSecuritySection()
    {
        // Variable size 0x66 where the data holds 0x67 characters.
        var payload = BcbpVectors.FullSingleLegV5.Replace(" 167>", " 166>", StringComparison.Ordinal);

        var result = BcbpParser.Parse(payload);

        Assert.True(result.Valid, string.Join("; ", result.Issues));
        Assert.Equal("conditional_size_mismatch", Assert.Single(result.Tolerances).Name);
        Assert.Equal("LX58Z", result.GetValue("airline_individual_use", "leg_1"));
        Assert.Equal("ABCDEFGH", result.GetValue("security_data"));
    }

    [Fact]
    public void Parse_TrailingNewline_LenientIgnoresItAndSaysSo()
    {
        var result = BcbpParser.Parse(BcbpVectors.MandatoryOnly + "\r\n");

        Assert.True(result.Valid);
        var tolerance = Assert.Single(result.Tolerances);
        Assert.Equal("trailing_whitespace", tolerance.Name);
        Assert.Equal(60, tolerance.Offset);
    }

    [Fact]
    public void Parse_TrailingNewline_StrictReportsError()
    {
        var result = BcbpParser.Parse(BcbpVectors.MandatoryOnly + "\n", ParseMode.Strict);

        Assert.Contains(result.Errors, e => e.Code == "trailing_whitespace" && e.Offset == 60);
    }

    [Fact]
    public void Parse_ByteOrderMark_LenientSkipsItAndKeepsOffsets()
    {
        var result = BcbpParser.Parse("\uFEFF" + BcbpVectors.MandatoryOnly);

        Assert.True(result.Valid);
        Assert.Equal("byte_order_mark", Assert.Single(result.Tolerances).Name);
        Assert.Equal(3, result.GetField("passenger_name")!.Value.Offset);
    }

    [Fact]
    public void Parse_MoreThanFourLegs_LenientWarns()
    {
        var result = BcbpParser.Parse("M5" + BcbpVectors.MandatoryOnly[2..]);

        Assert.Contains(result.Warnings, w => w.Code == "bad_number_of_legs");
        Assert.Equal(CheckStatus.Failed, result.GetCheck("number_of_legs")!.Value.Status);
    }
}
