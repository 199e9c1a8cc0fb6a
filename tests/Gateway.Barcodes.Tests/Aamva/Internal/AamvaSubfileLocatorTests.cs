using Gateway.Barcodes.Aamva;

namespace Gateway.Barcodes.Tests.Aamva.Internal;

public sealed class AamvaSubfileLocatorTests
{
    [Fact]
    public void Parse_WrongSubfileOffset_LenientFindsSubfileByType()
    {
        var payload = AamvaPayloads.AnnexDExample.Replace("DL00410278", "DL00390278", StringComparison.Ordinal);

        var result = AamvaParser.Parse(payload);

        Assert.True(result.Valid, string.Join("; ", result.Issues));
        var tolerance = Assert.Single(result.Tolerances);
        Assert.Equal("subfile_located_by_designator", tolerance.Name);
        Assert.Equal(21, tolerance.Offset);
        Assert.Equal(CheckStatus.Failed, result.GetCheck("subfile_offset_dl")!.Value.Status);
        Assert.Equal("T64235789", result.GetValue("document_number", "dl"));
        Assert.Equal("01", result.GetValue("zva", "zv"));
    }

    [Fact]
    public void Parse_WrongSubfileOffset_StrictReportsError()
    {
        var payload = AamvaPayloads.AnnexDExample.Replace("ZV03190008", "ZV03000008", StringComparison.Ordinal);

        var result = AamvaParser.Parse(payload, ParseMode.Strict);

        Assert.False(result.Valid);
        Assert.Contains(result.Errors, e => e.Code == "subfile_located_by_designator");
        Assert.Equal("01", result.GetValue("zva", "zv"));
    }

    [Fact]
    public void Parse_SubfileNowhere_ReportsMissing()
    {
        var payload = AamvaPayloads.AnnexDExample.Replace("ZV03190008", "ZQ03190008", StringComparison.Ordinal);

        var result = AamvaParser.Parse(payload);

        Assert.Contains(result.Errors, e => e.Code == "subfile_missing" && e.Offset == 31);
    }

    [Fact]
    public void Parse_WrongSubfileLength_LenientEndsAtTerminator()
    {
        var payload = AamvaPayloads.AnnexDExample.Replace("DL00410278", "DL00410270", StringComparison.Ordinal);

        var result = AamvaParser.Parse(payload);

        Assert.True(result.Valid, string.Join("; ", result.Issues));
        Assert.Contains(result.Tolerances, t => t.Name == "subfile_length_mismatch");
        Assert.Equal("1", result.GetValue("limited_duration_document", "dl"));
    }

    [Fact]
    public void Parse_CutInsideSubfile_ReportsTruncated()
    {
        var payload = AamvaPayloads.Us()[..^20];

        var result = AamvaParser.Parse(payload);

        Assert.False(result.Valid);
        Assert.Contains(result.Errors, e => e.Code == "truncated" && e.Offset == payload.Length);
        Assert.Equal("SAMPLE", result.GetValue("family_name", "dl"));
    }

    [Fact]
    public void Parse_NoDesignators_LenientFindsCardSubfile()
    {
        var payload = "@\n\u001e\rANSI 636099090000DLDAQS1234567\nDCSSAMPLE\nDBB07041990\nDBA07042028\r";

        var result = AamvaParser.Parse(payload);

        Assert.True(result.Valid, string.Join("; ", result.Issues));
        Assert.Contains(result.Tolerances, t => t.Name == "subfile_located_by_designator");
        Assert.Equal("S1234567", result.GetValue("document_number", "dl"));
    }

    [Fact]
    public void Parse_OnlyJurisdictionSubfile_ReportsNoCardSubfile()
    {
        var result = AamvaParser.Parse(AamvaPayloads.Build(9, ("ZX", ["ZXAEXAMPLE"])));

        Assert.Contains(result.Errors, e => e.Code == "no_card_subfile");
    }
}
