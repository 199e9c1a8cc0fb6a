using Gateway.Barcodes.Aamva;

namespace Gateway.Barcodes.Tests.Aamva.Internal;

public sealed class AamvaElementReaderTests
{
    [Fact]
    public void Parse_CrlfElementSeparators_LenientIgnoresCrs()
    {
        var payload = AamvaPayloads.Us().Replace("\n", "\r\n", StringComparison.Ordinal).Replace("@\r\n", "@\n", StringComparison.Ordinal);

        var result = AamvaParser.Parse(payload);

        Assert.True(result.Valid, string.Join("; ", result.Issues));
        Assert.Contains(result.Tolerances, t => t.Name == "crlf_separators");
        Assert.Equal("SAMPLE", result.GetValue("family_name", "dl"));
        Assert.Equal("USA", result.GetValue("country", "dl"));
    }

    [Fact]
    public void Parse_CrlfElementSeparators_StrictReportsError()
    {
        var payload = AamvaPayloads.Us().Replace("\nDCS", "\r\nDCS", StringComparison.Ordinal);

        var result = AamvaParser.Parse(payload, ParseMode.Strict);

        Assert.Contains(result.Errors, e => e.Code == "crlf_separators");
    }

    [Fact]
    public void Parse_DateInOtherLayout_LenientReadsItAndSaysSo()
    {
        var payload = AamvaPayloads.Us().Replace("DBB07041990", "DBB19900704", StringComparison.Ordinal);

        var result = AamvaParser.Parse(payload);

        Assert.True(result.Valid);
        Assert.Equal("1990-07-04", result.GetValue("date_of_birth", "dl"));
        Assert.Equal("date_format_fallback", Assert.Single(result.Tolerances).Name);
    }

    [Fact]
    public void Parse_ImpossibleDate_LenientWarnsAndKeepsRaw()
    {
        var payload = AamvaPayloads.Us().Replace("DBB07041990", "DBB13451990", StringComparison.Ordinal);

        var result = AamvaParser.Parse(payload);

        Assert.Contains(result.Warnings, w => w.Code == "bad_date");
        Assert.Equal("13451990", result.GetValue("date_of_birth", "dl"));
    }

    [Fact]
    public void Parse_MissingRequiredElement_ReportsIt()
    {
        var payload = AamvaPayloads.Build(9, ("DL", AamvaPayloads.UsElements.Where(e => !e.StartsWith("DAQ", StringComparison.Ordinal)).ToArray()));

        var result = AamvaParser.Parse(payload, ParseMode.Strict);

        Assert.Contains(result.Errors, e => e.Code == "missing_element" && e.Message.Contains("DAQ", StringComparison.Ordinal));
        Assert.Equal(CheckStatus.Failed, result.GetCheck("required_elements_dl")!.Value.Status);
    }

    [Fact]
    public void Parse_GarbageLine_ReportsUnrecognisedElement()
    {
        var payload = AamvaPayloads.Build(9, ("DL", [.. AamvaPayloads.UsElements, "x1"]));

        var result = AamvaParser.Parse(payload);

        Assert.Contains(result.Warnings, w => w.Code == "unrecognised_element");
        Assert.True(result.Valid);
    }

    [Fact]
    public void Parse_UnknownElement_KeepsItUnderItsOwnId()
    {
        var payload = AamvaPayloads.Build(9, ("DL", [.. AamvaPayloads.UsElements, "DZZVALUE"]));

        Assert.Equal("VALUE", AamvaParser.Parse(payload).GetValue("dzz", "dl"));
    }
}
