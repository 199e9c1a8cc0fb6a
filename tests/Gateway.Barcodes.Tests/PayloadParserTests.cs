using System.Text;
using Gateway.Barcodes.Seals;
using Gateway.Barcodes.Tests.Aamva;
using Gateway.Barcodes.Tests.Bcbp;
using Gateway.Barcodes.Tests.Seals;
using Gateway.Barcodes.Tests.Vds;
using Gateway.Barcodes.Tests.VdsNc;

namespace Gateway.Barcodes.Tests;

public sealed class PayloadParserTests
{
    [Fact]
    public void Parse_BoardingPass_UsesBcbpParser()
    {
        var result = PayloadParser.Parse(BcbpVectors.MandatoryOnly);

        Assert.Equal(PayloadTypes.Bcbp, result.PayloadType);
        Assert.Equal("DESMARAIS/LUC", result.GetValue("passenger_name"));
    }

    [Fact]
    public void Parse_LicenceBytes_UsesAamvaParser()
    {
        var result = PayloadParser.Parse(Encoding.Latin1.GetBytes(AamvaPayloads.AnnexDExample), ParseMode.Strict);

        Assert.Equal(PayloadTypes.Aamva, result.PayloadType);
        Assert.Equal(ParseMode.Strict, result.Mode);
        Assert.True(result.Valid);
    }

    [Theory]
    [InlineData("\uFEFFM1DESMARAIS", PayloadTypes.Bcbp)]
    [InlineData("m1desmarais", PayloadTypes.Bcbp)]
    [InlineData("@\n\rANSI 6360", PayloadTypes.Aamva)]
    [InlineData("MARKETING", PayloadTypes.Unknown)]
    [InlineData("", PayloadTypes.Unknown)]
    public void Detect_PayloadStart_NamesFormat(string payload, string expected)
    {
        Assert.Equal(expected, PayloadParser.Detect(payload));
    }

    [Fact]
    public void Parse_UnknownPayload_ReportsUnknownFormat()
    {
        var result = PayloadParser.Parse("https://example.org/");

        Assert.Equal(PayloadTypes.Unknown, result.PayloadType);
        Assert.False(result.Valid);
        Assert.Equal("unknown_format", Assert.Single(result.Errors).Code);
        Assert.Empty(result.Fields);
    }

    [Fact]
    public void Parse_Empty_ReportsEmpty()
    {
        Assert.Equal("empty", Assert.Single(PayloadParser.Parse("").Errors).Code);
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => PayloadParser.Parse((string)null!));
    }

    [Fact]
    public void Parse_SealBytes_AreRecognisedOnTheBytesBeforeAnyText()
    {
        var bytes = VdsVectors.Bytes(VdsVectors.ResidencePermit);

        var result = PayloadParser.Parse(bytes);

        Assert.Equal(PayloadTypes.Vds, PayloadParser.Detect(bytes));
        Assert.Equal(PayloadTypes.Vds, result.PayloadType);
        Assert.Equal("UFO001979", result.GetValue("passport_number", "message"));
        Assert.Equal(SignatureStatus.NotVerified, result.Signature!.Status);
    }

    [Fact]
    public void Parse_SealAsLatin1Text_IsTheSameSeal()
    {
        var bytes = VdsVectors.Bytes(VdsVectors.ResidencePermit);

        var result = PayloadParser.Parse(Encoding.Latin1.GetString(bytes));

        Assert.Equal(PayloadTypes.Vds, result.PayloadType);
        Assert.Equal("UFO001979", result.GetValue("passport_number", "message"));
    }

    [Fact]
    public void Parse_SealWithOptions_VerifiesAgainstTheTrustStore()
    {
        using var signer = PublishedCertificates.Load(PublishedCertificates.Utts5B);
        using var store = TrustStore.FromCertificates([signer]);

        var result = PayloadParser.Parse(VdsVectors.Bytes(VdsVectors.ResidencePermit), new SealParseOptions { TrustStore = store });

        Assert.Equal(CheckStatus.Passed, result.GetCheck("vds.signature")!.Value.Status);
    }

    [Fact]
    public void Parse_VdsNcText_UsesVdsNcParser()
    {
        var result = PayloadParser.Parse("  " + VdsNcVectors.IcaoSpecimen, ParseMode.Strict);

        Assert.Equal(PayloadTypes.VdsNc, result.PayloadType);
        Assert.Equal(ParseMode.Strict, result.Mode);
        Assert.Equal("Smith Bill", result.GetValue("name", "pid"));
    }

    [Fact]
    public void Parse_VdsNcUtf8Bytes_AreReadAsUtf8()
    {
        var json = VdsNcVectors.IcaoSpecimen.Replace("Smith Bill", "Smith Bïll", StringComparison.Ordinal);

        var result = PayloadParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(PayloadTypes.VdsNc, result.PayloadType);
        Assert.Equal("Smith Bïll", result.GetValue("name", "pid"));
    }

    [Theory]
    [InlineData("{\"data\":1,\"sig\":2}", PayloadTypes.VdsNc)]
    [InlineData("\uFEFF {\"sig\":{},\"data\":{}}", PayloadTypes.VdsNc)]
    [InlineData("{\"data\":1}", PayloadTypes.Unknown)]
    [InlineData("\u00DC\u0003", PayloadTypes.Vds)]
    public void Detect_SealShapes_NameFormat(string payload, string expected)
    {
        Assert.Equal(expected, PayloadParser.Detect(payload));
    }
}
