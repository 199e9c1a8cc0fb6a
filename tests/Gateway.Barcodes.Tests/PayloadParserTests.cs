using System.Text;
using Gateway.Barcodes.Tests.Aamva;
using Gateway.Barcodes.Tests.Bcbp;

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
}
