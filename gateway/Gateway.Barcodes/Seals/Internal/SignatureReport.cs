using System.Security.Cryptography.X509Certificates;
using Gateway.Barcodes.Internal;

namespace Gateway.Barcodes.Seals.Internal;

/// <summary>
/// Collects the signature checks of one seal (named <c>prefix.check</c>) and turns them into the result's checks, issues
/// and <see cref="SealSignature"/>. The first check that fails or cannot be made decides the status; the checks after it
/// are still made and reported, so a reader sees everything that is wrong.
/// </summary>
internal sealed class SignatureReport(ResultBuilder result, string prefix)
{
    private SignatureStatus? _status;
    private string? _failedCheck;
    private string? _detail;

    public string Algorithm { get; set; } = "unknown";

    public X509Certificate2? Signer { get; set; }

    public string? CscaSubject { get; set; }

    public string? CertificateReference { get; init; }

    public string? ClaimedCountry { get; init; }

    public DateOnly? SignedAt { get; init; }

    public void Pass(string check, string detail) => result.Check($"{prefix}.{check}", CheckStatus.Passed, detail);

    /// <summary>A check that could not be made: not applicable, a warning, and the status (if still open) becomes not verified.</summary>
    public void NotVerified(string check, string detail)
    {
        result.Check($"{prefix}.{check}", CheckStatus.NotApplicable, detail);
        if (Settle(SignatureStatus.NotVerified, check, detail))
        {
            result.Warning("signature_not_verified", 0, $"The signature was not verified: {detail}");
        }
    }

    /// <summary>A check that failed: an error with its code and offset, and the status (if still open) becomes <paramref name="status"/>.</summary>
    public void Fail(string check, SignatureStatus status, string code, int offset, string detail)
    {
        result.Check($"{prefix}.{check}", CheckStatus.Failed, detail);
        result.Error(code, offset, detail);
        Settle(status, check, detail);
    }

    /// <summary>
    /// The signer certificate's validity at <paramref name="at"/> (on its day when <paramref name="wholeDay"/>) and its chain to a CSCA of the store (also valid then):
    /// checks <c>certificate_validity</c> and <c>certificate_chain</c>.
    /// </summary>
    public void CheckTrust(X509Certificate2 signer, TrustStore store, DateTime at, bool wholeDay, string when, int offset)
    {
        var period = $"{signer.NotBefore.ToUniversalTime():yyyy-MM-dd} to {signer.NotAfter.ToUniversalTime():yyyy-MM-dd}";
        if (CertificateTrust.IsValid(signer, at, wholeDay))
        {
            Pass("certificate_validity", $"The signer certificate was valid {when} (valid {period}).");
        }
        else
        {
            Fail("certificate_validity", SignatureStatus.Untrusted, "certificate_not_valid", offset,
                $"The signer certificate was not valid {when} (valid {period}).");
        }

        var csca = CertificateTrust.FindCsca(signer, store, at, out var reason);
        if (csca is null)
        {
            Fail("certificate_chain", SignatureStatus.Untrusted, "certificate_not_trusted", offset,
                $"The signer certificate does not chain to a trusted CSCA in the trust store ({reason}).");
            return;
        }

        CscaSubject = csca.Subject;
        if (CertificateTrust.IsValid(csca, at, wholeDay))
        {
            Pass("certificate_chain", $"The signer certificate chains to the trusted CSCA {csca.Subject}.");
        }
        else
        {
            Fail("certificate_chain", SignatureStatus.Untrusted, "csca_not_valid", offset,
                $"The signer certificate chains to the CSCA {csca.Subject}, which was not valid {when}.");
        }
    }

    public SealSignature Build()
    {
        var status = _status ?? SignatureStatus.Verified;
        var detail = _detail ?? "The signature holds; the signer certificate was valid and chains to a trusted CSCA.";
        return new SealSignature(
            Algorithm,
            status,
            _failedCheck,
            detail,
            Signer?.Subject,
            Signer is null ? null : CertificateNames.SerialHex(Signer),
            (Signer is null ? null : CertificateNames.Country(Signer)) ?? ClaimedCountry,
            CertificateReference,
            CscaSubject,
            SignedAt);
    }

    private bool Settle(SignatureStatus status, string check, string detail)
    {
        if (_status is not null)
        {
            return false;
        }

        _status = status;
        _failedCheck = $"{prefix}.{check}";
        _detail = detail;
        return true;
    }
}
