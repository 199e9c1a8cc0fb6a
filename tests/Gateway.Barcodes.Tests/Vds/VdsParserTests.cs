using Gateway.Barcodes.Seals;
using Gateway.Barcodes.Tests.Seals;
using Gateway.Barcodes.Vds;

namespace Gateway.Barcodes.Tests.Vds;

/// <summary>The published test seals (<see cref="VdsVectors"/>) read to the values their source asserts.</summary>
public sealed class VdsParserTests
{
    private static PayloadResult Parse(string hex, SealParseOptions? options = null) =>
        VdsParser.Parse(VdsVectors.Bytes(hex), options ?? new SealParseOptions { TimeProvider = new FixedTime(2024, 6, 1) });

    [Fact]
    public void Parse_ResidencePermit_ReadsHeaderFeaturesAndMrz()
    {
        var result = Parse(VdsVectors.ResidencePermit);

        Assert.Equal(PayloadTypes.Vds, result.PayloadType);
        Assert.True(result.Valid, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal("4", result.GetValue("version"));
        Assert.Equal("UTO", result.GetValue("issuing_country"));
        Assert.Equal("UTTS", result.GetValue("signer_identifier"));
        Assert.Equal("5B", result.GetValue("certificate_reference"));
        Assert.Equal("residence_permit", result.GetValue("document_type"));
        Assert.Equal("FB06", result.GetField("document_type")!.Value.Code);
        Assert.Equal("ATD<<RESIDORCE<<ROLAND<<<<<<<<<<<<<<\n6525845096USA7008038M2201018<<<<<<06", result.GetValue("mrz", "message"));
        Assert.Equal("UFO001979", result.GetValue("passport_number", "message"));
        Assert.Equal("RESIDORCE", result.GetValue("surname", "mrz"));
        Assert.Equal("ROLAND", result.GetValue("given_names", "mrz"));
        Assert.Equal("652584509", result.GetValue("document_number", "mrz"));
        Assert.Equal(CheckStatus.Passed, result.GetCheck("mrz.composite")!.Value.Status);
        Assert.Equal(CheckStatus.Passed, result.GetCheck("vds.header")!.Value.Status);
        Assert.Equal(CheckStatus.Passed, result.GetCheck("vds.signature_zone")!.Value.Status);
    }

    [Fact]
    public void Parse_VisaWithMrvB_PadsOmittedOptionalDataForTheMrzEngine()
    {
        var result = Parse(VdsVectors.Visa224);

        Assert.True(result.Valid, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal("visa", result.GetValue("document_type"));
        Assert.Equal("VCD<<DENT<<ARTHUR<PHILIP<<<<<<<<<<<<\n1234567XY7GBR5203116M2005250", result.GetValue("mrz_mrv_b", "message"));
        Assert.Equal("47110815P", result.GetValue("passport_number", "message"));
        Assert.Equal("P0Y0M160D", result.GetValue("duration_of_stay", "message"));
        Assert.Null(result.GetValue("number_of_entries", "message"));
        Assert.Equal("DENT", result.GetValue("surname", "mrz"));
        Assert.Equal("ARTHUR PHILIP", result.GetValue("given_names", "mrz"));
        Assert.Equal("1234567XY", result.GetValue("document_number", "mrz"));
        Assert.Contains("MrvB", result.GetCheck("mrz.format")!.Value.Detail, StringComparison.Ordinal);
        Assert.All(result.Checks.Where(c => c.Name.StartsWith("mrz.", StringComparison.Ordinal)), c => Assert.Equal(CheckStatus.Passed, c.Status));
    }

    [Fact]
    public void Parse_SocialInsuranceCardV3_ReadsUtf8NamesAndFixedLengthReference()
    {
        var result = Parse(VdsVectors.SocialInsurance);

        Assert.True(result.Valid, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal("3", result.GetValue("version"));
        Assert.Equal("DETS", result.GetValue("signer_identifier"));
        Assert.Equal("00027", result.GetValue("certificate_reference"));
        Assert.Equal("2020-01-01", result.GetValue("document_issue_date"));
        Assert.Equal("65170839J003", result.GetValue("social_insurance_number", "message"));
        Assert.Equal("Perschweiß", result.GetValue("surname", "message"));
        Assert.Equal("Oscar", result.GetValue("first_name", "message"));
        Assert.Equal("Jâcobénidicturius", result.GetValue("birth_name", "message"));
    }

    [Theory]
    [InlineData(VdsVectors.AddressStickerId, "document_number", "T2000AK47")]
    [InlineData(VdsVectors.AddressStickerId, "official_municipality_code", "05314000")]
    [InlineData(VdsVectors.AddressStickerId, "address", "53175HEINEMANNSTR11")]
    [InlineData(VdsVectors.AddressStickerPassport, "document_number", "PA5500K11")]
    [InlineData(VdsVectors.AddressStickerPassport, "official_municipality_code", "03359010")]
    [InlineData(VdsVectors.AddressStickerPassport, "postal_code", "21614")]
    [InlineData(VdsVectors.SupplementarySheet, "sheet_number", "PA0000005")]
    [InlineData(VdsVectors.ArrivalAttestationV3, "azr_number", "ABC123456DEF")]
    [InlineData(VdsVectors.EmergencyTravelDocument, "mrz", "I<GBRSUPAMANN<<MARY<<<<<<<<<<<<<<<<<\n6525845096USA7008038M2201018<<<<<<06")]
    [InlineData(VdsVectors.ArrivalAttestationV3, "mrz", "MED<<MANNSENS<<MANNY<<<<<<<<<<<<<<<<\n6525845096USA7008038M2201018<<<<<<06")]
    public void Parse_GermanProfiles_DecodeEachFeature(string hex, string name, string expected)
    {
        var result = Parse(hex);

        Assert.True(result.Valid, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal(expected, result.GetValue(name, "message"));
    }

    [Fact]
    public void Parse_ArrivalAttestationV3_ReadsFiveCharacterReference()
    {
        Assert.Equal("0004F", Parse(VdsVectors.ArrivalAttestationV3).GetValue("certificate_reference"));
    }

    [Fact]
    public void Parse_CountryWrittenAsUnlatchedSingleCharacter_ReadsD()
    {
        var result = Parse(VdsVectors.ArrivalAttestationUnlatchedCountry);

        Assert.Equal("D", result.GetValue("issuing_country"));
        Assert.Equal("arrival_attestation", result.GetValue("document_type"));
        Assert.Equal("2016-02-01", result.GetValue("document_issue_date"));
        Assert.Equal("2016-05-23", result.GetValue("signature_date"));
    }

    [Fact]
    public void Parse_UnknownDocumentTypeWithNonDerLength_KeepsFeaturesAsHexAndReportsTheLength()
    {
        // This published seal writes a length as 0x80 (DER's forbidden indefinite form); vdstools reads it as 0. Nothing
        // after it can be placed, so that is an error; the features before it are kept as hex, the type as unknown.
        var result = Parse(VdsVectors.UnknownTypeUtoVisa);

        Assert.Equal("unknown", result.GetValue("document_type"));
        Assert.Equal("2023-06-28", result.GetValue("signature_date"));
        Assert.Equal("DEKD", result.GetValue("signer_identifier"));
        Assert.Equal("001", result.GetValue("certificate_reference"));
        Assert.Equal(48, Convert.FromHexString(result.GetValue("feature_02", "message")!).Length);
        Assert.Contains(result.Warnings, w => w.Code == "unknown_document_type");
        var error = Assert.Single(result.Errors);
        Assert.Equal(("bad_length", 69), (error.Code, error.Offset));
    }

    [Fact]
    public void Parse_WithoutTrustStore_ReportsSignatureNotVerified()
    {
        var result = Parse(VdsVectors.ResidencePermit);

        Assert.Equal(SignatureStatus.NotVerified, result.Signature!.Status);
        Assert.Equal("vds.signer_certificate", result.Signature.FailedCheck);
        Assert.Equal(CheckStatus.NotApplicable, result.GetCheck("vds.signature")!.Value.Status);
        Assert.Contains(result.Warnings, w => w.Code == "signature_not_verified");
    }

    [Fact]
    public void Parse_ResidencePermitWithPublishedSigner_SignatureHoldsButNoCscaIsPublished()
    {
        using var signer = PublishedCertificates.Load(PublishedCertificates.Utts5B);
        using var store = TrustStore.FromCertificates([signer]);

        var result = Parse(VdsVectors.ResidencePermit, new SealParseOptions { TrustStore = store });

        Assert.Equal(CheckStatus.Passed, result.GetCheck("vds.signer_certificate")!.Value.Status);
        Assert.Equal(CheckStatus.Passed, result.GetCheck("vds.signature")!.Value.Status);
        Assert.Equal(CheckStatus.Passed, result.GetCheck("vds.certificate_validity")!.Value.Status);
        Assert.Equal(CheckStatus.Failed, result.GetCheck("vds.certificate_chain")!.Value.Status);
        Assert.Equal(SignatureStatus.Untrusted, result.Signature!.Status);
        Assert.Equal("vds.certificate_chain", result.Signature.FailedCheck);
        Assert.Equal("ECDSA brainpoolP256r1 SHA-256", result.Signature.Algorithm);
        Assert.Equal("5B", result.Signature.SignerSerial);
        Assert.Equal("UT", result.Signature.SignerCountry);
        Assert.Equal("UTTS 5B", result.Signature.CertificateReference);
    }

    [Fact]
    public void Parse_VisaWithPublishedSigner_VerifiesSha224SignatureOn224BitCurve()
    {
        using var signer = PublishedCertificates.Load(PublishedCertificates.Dets32);
        using var store = TrustStore.FromCertificates([signer]);

        var result = Parse(VdsVectors.Visa224, new SealParseOptions { TrustStore = store });

        Assert.Equal(CheckStatus.Passed, result.GetCheck("vds.signature")!.Value.Status);
        Assert.Equal("ECDSA brainpoolP224r1 SHA-224", result.Signature!.Algorithm);
        Assert.Equal("CN=TS, C=DE", result.Signature.SignerSubject);
    }

    [Fact]
    public void Parse_PublishedSealWithOneByteChanged_FailsSignature()
    {
        using var signer = PublishedCertificates.Load(PublishedCertificates.Utts5B);
        using var store = TrustStore.FromCertificates([signer]);
        var bytes = VdsVectors.Bytes(VdsVectors.ResidencePermit);
        bytes[30] ^= 0x01;

        var result = VdsParser.Parse(bytes, new SealParseOptions { TrustStore = store });

        Assert.Equal(SignatureStatus.Invalid, result.Signature!.Status);
        Assert.Contains(result.Errors, e => e.Code == "signature_invalid");
    }
}
