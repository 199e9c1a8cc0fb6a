using Gateway.Barcodes.Bcbp;

namespace Gateway.Barcodes.Tests.Bcbp.Internal;

public sealed class BcbpConditionalReaderTests
{
    [Fact]
    public void Parse_UniqueSizeBeyondVariableField_LenientCutsSectionToFit()
    {
        // The KLM example declares a 3-character unique section; claim 0x30 instead. The repeated section is then lost
        // inside the unique one, which is what a reader that trusts the data (not the size) must report.
        var payload = BcbpVectors.KlmV5.Replace(">503", ">530", StringComparison.Ordinal);

        var result = BcbpParser.Parse(payload);

        Assert.True(result.Valid, string.Join("; ", result.Issues));
        Assert.Contains(result.Tolerances, t => t.Name == "conditional_size_mismatch" && t.Offset == 62);
        Assert.Equal(CheckStatus.Failed, result.GetCheck("unique_size")!.Value.Status);
    }

    [Fact]
    public void Parse_RepeatedSizeBeyondVariableField_StrictReportsError()
    {
        var payload = BcbpVectors.KlmV5.Replace("W0D074", "W0F074", StringComparison.Ordinal);

        var result = BcbpParser.Parse(payload, ParseMode.Strict);

        Assert.False(result.Valid);
        Assert.Contains(result.Errors, e => e.Code == "conditional_size_mismatch" && e.Offset == 67);
        Assert.Equal(CheckStatus.Failed, result.GetCheck("repeated_size_leg_1")!.Value.Status);
    }

    [Fact]
    public void Parse_RepeatedSizeBeyondVariableField_LenientCutsItemShortAndSaysSo()
    {
        var payload = BcbpVectors.KlmV5.Replace("W0D074", "W0F074", StringComparison.Ordinal);

        var result = BcbpParser.Parse(payload);

        Assert.True(result.Valid);
        Assert.Contains(result.Tolerances, t => t.Name == "conditional_size_mismatch");
        Assert.Equal("2497067621", result.GetValue("document_serial_number", "leg_1"));
    }

    [Fact]
    public void Parse_VariableFieldWithoutVersionMarker_KeepsItAsIndividualUse()
    {
        var payload = BcbpVectors.MandatoryOnly[..58] + "05HELLO";

        var result = BcbpParser.Parse(payload);

        Assert.Contains(result.Warnings, w => w.Code == "missing_version_marker" && w.Offset == 60);
        Assert.Equal("HELLO", result.GetValue("airline_individual_use", "leg_1"));
    }

    [Fact]
    public void Parse_UnknownVersion_Warns()
    {
        var payload = BcbpVectors.KlmV5.Replace(">503", ">903", StringComparison.Ordinal);

        var result = BcbpParser.Parse(payload, ParseMode.Strict);

        Assert.True(result.Valid);
        Assert.Contains(result.Warnings, w => w.Code == "unknown_version");
        Assert.Equal(CheckStatus.Failed, result.GetCheck("version_number")!.Value.Status);
    }

    [Fact]
    public void Parse_ConditionalSectionCutBeforeUniqueSize_ReportsTruncatedConditional()
    {
        var payload = BcbpVectors.MandatoryOnly[..58] + "02>5";

        var result = BcbpParser.Parse(payload, ParseMode.Strict);

        Assert.Contains(result.Errors, e => e.Code == "truncated_conditional" && e.Offset == 60);
    }
}
