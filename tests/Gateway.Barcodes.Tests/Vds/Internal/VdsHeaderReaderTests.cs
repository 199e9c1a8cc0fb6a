using Gateway.Barcodes.Internal;
using Gateway.Barcodes.Vds.Internal;

namespace Gateway.Barcodes.Tests.Vds.Internal;

public sealed class VdsHeaderReaderTests
{
    private static (VdsHeader? Header, PayloadResult Result) Read(byte[] bytes, ParseMode mode = ParseMode.Lenient)
    {
        var builder = new ResultBuilder(PayloadTypes.Vds, mode);
        var header = new VdsHeaderReader(new VdsContext(bytes, builder)).Read();
        return (header, builder.Build());
    }

    [Fact]
    public void Read_Version3_HasFixedFiveCharacterReferenceAnd18Bytes()
    {
        // tsenger/vdstools VdsHeaderCommonTest.testParseByteArray_V2 (social insurance card header).
        var (header, result) = Read(Convert.FromHexString("DC02D9C56D32C8A519FC0F71346F1D67FC04"));

        Assert.NotNull(header);
        Assert.Equal((3, "UTO", "DETS", "00027", 18, 0xFC04), (header.Version, header.IssuingCountry, header.SignerIdentifier, header.CertificateReference, header.Length, header.DocumentType));
        Assert.Equal("2020-01-01", result.GetValue("document_issue_date"));
        Assert.Equal("social_insurance_card", result.GetValue("document_type"));
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Read_Version4_HasReferenceLengthThenReference()
    {
        // tsenger/vdstools VdsHeaderCommonTest.testParseByteArray_V3: D<<, DETS, reference "32", 2024-09-27.
        var (header, result) = Read(Convert.FromHexString("DC036ABC6D32C8A72CB18D7AD88D7AD8FB06"));

        Assert.NotNull(header);
        Assert.Equal((4, "D", "DETS", "32", 18), (header.Version, header.IssuingCountry, header.SignerIdentifier, header.CertificateReference, header.Length));
        Assert.Equal(new DateOnly(2024, 9, 27), header.SignatureDate);
        Assert.Equal("residence_permit", result.GetValue("document_type"));
        Assert.Equal(CheckStatus.Passed, result.GetCheck("vds.header")!.Value.Status);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(11)]
    public void Read_Version4_LongerReferencesTakeTheirC40Length(int length)
    {
        var reference = new string('7', length);
        var bytes = VdsSealWriter.Header(4, "UTO", "UTAB", reference, new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 3), 0xFB06);

        var (header, result) = Read(bytes);

        Assert.Equal(reference, header!.CertificateReference);
        Assert.Equal(bytes.Length, header.Length);
        Assert.Equal("2024-01-03", result.GetValue("signature_date"));
    }

    [Fact]
    public void Read_DezvSigner_ReadsTheReferenceLengthAsDecimal()
    {
        // BSI TR-03171 seal from tsenger/vdstools (VdsRawBytesCommon.meldebescheinigung): length "40", a SHA-1 reference.
        var (header, _) = Read(Convert.FromHexString("DC036ABC6D38DC0519A620372CE13372401C46AD535759E866926D2379BD19CE2678FE344E76094E760901C8"));

        Assert.Equal("DEZV", header!.SignerIdentifier);
        Assert.Equal("00112233445566778899AABBCCDDEEFF00112233", header.CertificateReference);
        Assert.Equal(new DateOnly(2025, 5, 14), header.SignatureDate);
    }

    [Theory]
    [InlineData("", "empty", 0)]
    [InlineData("DD03", "not_vds", 0)]
    [InlineData("DC", "truncated", 1)]
    [InlineData("DC04D9C5", "unsupported_version", 1)]
    [InlineData("DC03D9C56D32", "truncated", 6)]
    [InlineData("DC03D9C56D32CE40", "bad_header", 4)] // DETSZZ: the reference length is no hex number
    [InlineData("DC03D9C50000C8A7", "bad_c40", 4)]
    [InlineData("DC02D9C56D32C8A519FC0000000F1D67FC04", "bad_date", 10)]
    public void Read_BrokenHeaders_ReportPositionedErrors(string hex, string code, int offset)
    {
        var (_, result) = Read(Convert.FromHexString(hex));

        Assert.Contains(result.Errors, e => e.Code == code && e.Offset == offset);
        Assert.Equal(CheckStatus.Failed, result.GetCheck("vds.header")!.Value.Status);
    }
}
