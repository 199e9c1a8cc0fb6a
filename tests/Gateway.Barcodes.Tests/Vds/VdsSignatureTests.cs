using System.Security.Cryptography;
using Gateway.Barcodes.Seals;
using Gateway.Barcodes.Tests.Seals;
using Gateway.Barcodes.Vds;

namespace Gateway.Barcodes.Tests.Vds;

/// <summary>Signature verification of seals signed at test time by a signer under a test CSCA in a folder trust store.</summary>
public sealed class VdsSignatureTests : IDisposable
{
    private readonly TestPki _pki = new();

    public void Dispose() => _pki.Dispose();

    private static SealParseOptions Options(TrustStore? store) => new() { TrustStore = store, TimeProvider = new FixedTime(2026, 1, 1) };

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Parse_UntouchedSeal_IsVerified(int version)
    {
        var (signer, key) = _pki.CreateSigner();
        var store = _pki.Store(_pki.Csca, signer);

        var result = VdsParser.Parse(TestSeals.ResidencePermit(key, version), Options(store));

        Assert.True(result.Valid, string.Join("; ", result.Issues.Select(e => e.Message)));
        Assert.Equal(SignatureStatus.Verified, result.Signature!.Status);
        Assert.Null(result.Signature.FailedCheck);
        Assert.Equal("CN=Utopia Test CSCA, C=UT", result.Signature.CscaSubject);
        Assert.Equal("CN=TS, C=UT", result.Signature.SignerSubject);
        Assert.Equal("5B", result.Signature.SignerSerial);
        Assert.Equal(TestSeals.Signed, result.Signature.SignedAt);
        Assert.Equal("ECDSA P-256 SHA-256", result.Signature.Algorithm);
        foreach (var check in new[] { "vds.header", "vds.message", "vds.signature_zone", "vds.signer_certificate", "vds.signature", "vds.certificate_validity", "vds.certificate_chain" })
        {
            Assert.Equal(CheckStatus.Passed, result.GetCheck(check)!.Value.Status);
        }
    }

    [Fact]
    public void Parse_AnyOneByteChanged_IsNeverVerified()
    {
        var (signer, key) = _pki.CreateSigner();
        var store = _pki.Store(_pki.Csca, signer);
        var seal = TestSeals.ResidencePermit(key);

        for (var i = 0; i < seal.Length; i++)
        {
            var changed = (byte[])seal.Clone();
            changed[i] ^= 0x01;

            var result = VdsParser.Parse(changed, Options(store));

            Assert.True(result.Signature!.Status != SignatureStatus.Verified, $"A change at byte {i} was accepted.");
        }
    }

    [Theory]
    [InlineData("header", 2)] // issuing country
    [InlineData("header", 11)] // document issue date
    [InlineData("header", 16)] // document feature definition reference
    [InlineData("message", 30)] // inside the MRZ
    [InlineData("message", -3)] // inside the passport number, the last feature
    [InlineData("signature", -1)] // last byte of s
    [InlineData("signature", -60)] // inside r
    public void Parse_OneByteChangedInSignedDataOrSignature_FailsTheSignatureCheck(string zone, int offset)
    {
        var (signer, key) = _pki.CreateSigner();
        var store = _pki.Store(_pki.Csca, signer);
        var seal = TestSeals.ResidencePermit(key);
        var signatureZone = seal.Length - 66;
        seal[zone == "signature" ? seal.Length + offset : offset >= 0 ? offset : signatureZone + offset] ^= 0x20;

        var result = VdsParser.Parse(seal, Options(store));

        Assert.Equal(SignatureStatus.Invalid, result.Signature!.Status);
        Assert.Equal("vds.signature", result.Signature.FailedCheck);
        Assert.Equal(CheckStatus.Failed, result.GetCheck("vds.signature")!.Value.Status);
        Assert.Contains(result.Errors, e => e.Code == "signature_invalid");
    }

    [Fact]
    public void Parse_SignerNotInStore_IsNotVerifiedAndSaysWhy()
    {
        var (other, _) = _pki.CreateSigner(serial: 0x5C);
        var (_, key) = _pki.CreateSigner();
        var store = _pki.Store(_pki.Csca, other);

        var result = VdsParser.Parse(TestSeals.ResidencePermit(key), Options(store));

        Assert.Equal(SignatureStatus.NotVerified, result.Signature!.Status);
        Assert.Equal("vds.signer_certificate", result.Signature.FailedCheck);
        Assert.Contains("UTTS", result.Signature.Detail, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.NotApplicable, result.GetCheck("vds.signature")!.Value.Status);
        Assert.Contains(result.Warnings, w => w.Code == "signature_not_verified");
    }

    [Fact]
    public void Parse_SignerIssuedByAnUntrustedCsca_IsUntrusted()
    {
        var rogue = _pki.CreateCsca("UT", "Rogue CSCA");
        var (signer, key) = _pki.CreateSigner(issuer: rogue);
        var store = _pki.Store(_pki.Csca, signer);

        var result = VdsParser.Parse(TestSeals.ResidencePermit(key), Options(store));

        Assert.Equal(CheckStatus.Passed, result.GetCheck("vds.signature")!.Value.Status);
        Assert.Equal(CheckStatus.Failed, result.GetCheck("vds.certificate_chain")!.Value.Status);
        Assert.Equal(SignatureStatus.Untrusted, result.Signature!.Status);
        Assert.Equal("vds.certificate_chain", result.Signature.FailedCheck);
        Assert.Null(result.Signature.CscaSubject);
        Assert.Contains(result.Errors, e => e.Code == "certificate_not_trusted");
    }

    [Fact]
    public void Parse_SignerExpiredAtTheSignatureDate_IsUntrusted()
    {
        var (signer, key) = _pki.CreateSigner(from: new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero), to: new DateTimeOffset(2024, 5, 31, 0, 0, 0, TimeSpan.Zero));
        var store = _pki.Store(_pki.Csca, signer);

        var result = VdsParser.Parse(TestSeals.ResidencePermit(key), Options(store));

        Assert.Equal(CheckStatus.Passed, result.GetCheck("vds.signature")!.Value.Status);
        Assert.Equal(CheckStatus.Failed, result.GetCheck("vds.certificate_validity")!.Value.Status);
        Assert.Equal(SignatureStatus.Untrusted, result.Signature!.Status);
        Assert.Equal("vds.certificate_validity", result.Signature.FailedCheck);
        Assert.Contains(result.Errors, e => e.Code == "certificate_not_valid");
    }

    [Fact]
    public void Parse_SignerValidOnTheSignatureDateButExpiredToday_IsVerified()
    {
        var (signer, key) = _pki.CreateSigner(to: new DateTimeOffset(2024, 6, 1, 8, 0, 0, TimeSpan.Zero));
        var store = _pki.Store(_pki.Csca, signer);

        var result = VdsParser.Parse(TestSeals.ResidencePermit(key), Options(store));

        Assert.Equal(SignatureStatus.Verified, result.Signature!.Status);
    }

    [Fact]
    public void Parse_P384Signer_UsesSha384()
    {
        var (signer, key) = _pki.CreateSigner(curve: ECCurve.NamedCurves.nistP384);
        var store = _pki.Store(_pki.Csca, signer);

        var result = VdsParser.Parse(TestSeals.ResidencePermit(key), Options(store));

        Assert.Equal(SignatureStatus.Verified, result.Signature!.Status);
        Assert.Equal("ECDSA P-384 SHA-384", result.Signature.Algorithm);
    }

    [Fact]
    public void Parse_WithoutTrustStore_IsNotVerified()
    {
        var (_, key) = _pki.CreateSigner();

        var result = VdsParser.Parse(TestSeals.ResidencePermit(key), Options(null));

        Assert.True(result.Valid);
        Assert.Equal(SignatureStatus.NotVerified, result.Signature!.Status);
        Assert.Contains("No trust store", result.Signature.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingTrustStoreFolder_IsNotVerifiedAndTheStoreSaysWhy()
    {
        var (_, key) = _pki.CreateSigner();
        using var store = TrustStore.Load(Path.Combine(_pki.Folder, "missing"));

        var result = VdsParser.Parse(TestSeals.ResidencePermit(key), Options(store));

        Assert.Equal(SignatureStatus.NotVerified, result.Signature!.Status);
        Assert.Single(store.Problems);
    }

    [Fact]
    public void Parse_SignatureOfTheWrongLength_IsInvalid()
    {
        var (signer, key) = _pki.CreateSigner();
        var store = _pki.Store(_pki.Csca, signer);
        var seal = TestSeals.ResidencePermit(key);
        byte[] cut = [.. seal[..^66], 0xFF, 0x3F, .. seal[^64..^1]];

        var result = VdsParser.Parse(cut, Options(store));

        Assert.Equal(SignatureStatus.Invalid, result.Signature!.Status);
        Assert.Contains(result.Errors, e => e.Code == "signature_length");
    }
}
