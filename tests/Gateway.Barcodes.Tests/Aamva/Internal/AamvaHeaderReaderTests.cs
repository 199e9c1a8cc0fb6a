using Gateway.Barcodes.Aamva;

namespace Gateway.Barcodes.Tests.Aamva.Internal;

public sealed class AamvaHeaderReaderTests
{
    [Fact]
    public void Parse_Empty_ReportsEmpty()
    {
        var result = AamvaParser.Parse("");

        Assert.False(result.Valid);
        Assert.Equal("empty", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Parse_NoFileType_ReportsNotAamva()
    {
        var result = AamvaParser.Parse("@\n\u001e\rXXXX 636000100102DL");

        Assert.Equal("not_aamva", Assert.Single(result.Errors).Code);
        Assert.Equal(CheckStatus.Failed, result.GetCheck("file_type")!.Value.Status);
    }

    [Theory]
    [InlineData("@\n\rANSI ", "missing RS")]
    [InlineData("@\r\n\u001e\r\nANSI ", "CRLF")]
    public void Parse_WrongHeaderSeparators_LenientReadsCardAndSaysSo(string prefix, string why)
    {
        // Offsets are kept as the issuer wrote them: counted from '@' in a header of standard length.
        var payload = prefix + AamvaPayloads.Us()[9..];

        var result = AamvaParser.Parse(payload);

        Assert.True(result.Valid, why + ": " + string.Join("; ", result.Issues));
        Assert.Contains(result.Tolerances, t => t.Name == "header_separators" && t.Offset == 0);
        Assert.Equal(CheckStatus.Failed, result.GetCheck("header_separators")!.Value.Status);
        Assert.Equal("SAMPLE", result.GetValue("family_name", "dl"));
    }

    [Fact]
    public void Parse_WrongHeaderSeparators_StrictReportsError()
    {
        var result = AamvaParser.Parse("@\n\rANSI " + AamvaPayloads.Us()[9..], ParseMode.Strict);

        Assert.False(result.Valid);
        Assert.Contains(result.Errors, e => e.Code == "header_separators");
    }

    [Fact]
    public void Parse_ByteOrderMark_LenientSkipsItAndSaysSo()
    {
        var result = AamvaParser.Parse("\u00EF\u00BB\u00BF" + AamvaPayloads.Us());

        Assert.True(result.Valid, string.Join("; ", result.Issues));
        Assert.Contains(result.Tolerances, t => t.Name == "byte_order_mark");
        Assert.Equal("JANE", result.GetValue("first_name", "dl"));
    }

    [Fact]
    public void Parse_MissingComplianceIndicator_LenientReadsCard()
    {
        var result = AamvaParser.Parse(AamvaPayloads.Us()[1..]);

        Assert.True(result.Valid, string.Join("; ", result.Issues));
        Assert.Contains(result.Tolerances, t => t.Name == "missing_compliance_indicator");
    }

    [Theory]
    [InlineData(12)]
    [InlineData(20)]
    [InlineData(25)]
    [InlineData(30)]
    public void Parse_TruncatedHeader_ReportsError(int length)
    {
        var result = AamvaParser.Parse(AamvaPayloads.Us()[..length]);

        Assert.False(result.Valid);
        Assert.Contains(result.Errors, e => e.Code is "bad_header" or "bad_designator");
    }

    [Fact]
    public void Parse_Version1WithJurisdictionVersion_FindsDesignators()
    {
        var standard = AamvaPayloads.Build(1, ("DL", AamvaPayloads.Version1Elements));
        var withJurisdiction = standard[..17] + "00" + standard[17..].Replace("DL0029", "DL0031", StringComparison.Ordinal);

        var result = AamvaParser.Parse(withJurisdiction, ParseMode.Strict);

        Assert.True(result.Valid, string.Join("; ", result.Issues));
        Assert.Equal("0", result.GetValue("jurisdiction_version"));
    }

    [Fact]
    public void Parse_PreStandardVersion_Warns()
    {
        var result = AamvaParser.Parse(AamvaPayloads.Build(0, ("DL", AamvaPayloads.Version1Elements)));

        Assert.Contains(result.Warnings, w => w.Code == "pre_standard_version");
        Assert.Equal("1990-07-04", result.GetValue("date_of_birth", "dl"));
    }
}
