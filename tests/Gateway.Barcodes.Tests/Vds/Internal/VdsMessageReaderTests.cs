using System.Security.Cryptography;
using Gateway.Barcodes.Vds;

namespace Gateway.Barcodes.Tests.Vds.Internal;

/// <summary>Message and signature zones of seals written at test time (signature not verified here: no trust store).</summary>
public sealed class VdsMessageReaderTests : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _key.Dispose();

    [Fact]
    public void Read_VisaWithEveryFeature_DecodesEachOne()
    {
        var result = VdsParser.Parse(TestSeals.Visa(_key));

        Assert.True(result.Valid, string.Join("; ", result.Errors.Select(e => e.Message)));
        var lines = TestSeals.MrvA.Split('\n');
        Assert.Equal($"{lines[0]}\n{lines[1][..28]}", result.GetValue("mrz_mrv_a", "message"));
        Assert.Equal("2", result.GetValue("number_of_entries", "message"));
        Assert.Equal("P0Y0M30D", result.GetValue("duration_of_stay", "message"));
        Assert.Equal("L8988901C", result.GetValue("passport_number", "message"));
        Assert.Equal("0C01", result.GetValue("visa_type", "message"));
        Assert.Equal("ABCD", result.GetValue("additional_features", "message"));
        Assert.Equal("ERIKSSON", result.GetValue("surname", "mrz"));
        Assert.Equal("2031-12-10", result.GetValue("date_of_expiry", "mrz"));
        Assert.Contains("MrvA", result.GetCheck("mrz.format")!.Value.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ResidencePermit_MrzFieldsFollowTheirFeature()
    {
        var result = VdsParser.Parse(TestSeals.ResidencePermit(_key));

        var keys = result.Fields.Select(f => f.Key).ToList();
        Assert.Equal(keys.IndexOf("message.mrz") + 1, keys.FindIndex(k => k.StartsWith("mrz.", StringComparison.Ordinal)));
        Assert.Equal("D23145890", result.GetValue("document_number", "mrz"));
        Assert.Equal("ANNA MARIA", result.GetValue("given_names", "mrz"));
        Assert.Equal(result.GetField("mrz", "message")!.Value.Offset, result.GetField("surname", "mrz")!.Value.Offset);
    }

    [Fact]
    public void Read_UnknownTagInAKnownType_IsKeptAsHexWithoutIssue()
    {
        var result = VdsParser.Parse(TestSeals.Visa(_key, VdsSealWriter.Feature(0x2A, [1, 2, 3])));

        Assert.True(result.Valid);
        Assert.Equal("010203", result.GetValue("feature_2a", "message"));
        Assert.Equal("2A", result.GetField("feature_2a", "message")!.Value.Code);
    }

    [Fact]
    public void Read_LongFeature_UsesTheTwoByteLengthForm()
    {
        var result = VdsParser.Parse(TestSeals.Visa(_key, VdsSealWriter.Feature(0x30, new byte[300])));

        Assert.True(result.Valid);
        Assert.Equal(600, result.GetValue("feature_30", "message")!.Length);
    }

    [Theory]
    [InlineData(ParseMode.Lenient, IssueSeverity.Warning)]
    [InlineData(ParseMode.Strict, IssueSeverity.Error)]
    public void Read_FeatureOfTheWrongLengthOrMissing_IsAContentProblem(ParseMode mode, IssueSeverity severity)
    {
        var seal = VdsSealWriter.Seal(
            VdsSealWriter.Header(4, "UTO", "UTTS", "5B", TestSeals.Issued, TestSeals.Signed, VdsSealWriter.ResidencePermit),
            _key,
            VdsSealWriter.Feature(0x03, VdsSealWriter.C40("UFO0019790")));

        var result = VdsParser.Parse(seal, new Gateway.Barcodes.Seals.SealParseOptions { Mode = mode });

        Assert.Contains(result.Issues, i => i.Code == "feature_length" && i.Severity == severity);
        Assert.Contains(result.Issues, i => i.Code == "missing_feature" && i.Severity == severity);
        Assert.Equal(CheckStatus.Failed, result.GetCheck("vds.message")!.Value.Status);
    }

    [Fact]
    public void Read_DataAfterTheSignature_IsAnError()
    {
        byte[] seal = [.. TestSeals.ResidencePermit(_key), 0x00];

        var error = Assert.Single(VdsParser.Parse(seal).Errors);

        Assert.Equal(("data_after_signature", seal.Length - 1), (error.Code, error.Offset));
    }

    [Fact]
    public void Read_NoSignatureZone_IsAnError()
    {
        var seal = TestSeals.ResidencePermit(_key)[..^66];

        var result = VdsParser.Parse(seal);

        Assert.Contains(result.Errors, e => e.Code == "missing_signature" && e.Offset == seal.Length);
    }

    [Fact]
    public void Read_LengthPastTheEnd_IsAnErrorAtTheLength()
    {
        var seal = TestSeals.ResidencePermit(_key);
        var at = Array.IndexOf(seal, (byte)0x03, 18 + 2 + 48);
        seal[at + 1] = 0x7F;

        var result = VdsParser.Parse(seal);

        Assert.Contains(result.Errors, e => e.Code == "length_past_end" && e.Offset == at + 1);
    }

    [Fact]
    public void Read_DuplicateFeature_IsAContentProblem()
    {
        var result = VdsParser.Parse(TestSeals.Visa(_key, VdsSealWriter.Feature(0x05, VdsSealWriter.C40("L8988901C"))));

        Assert.Contains(result.Warnings, w => w.Code == "duplicate_feature");
    }
}
