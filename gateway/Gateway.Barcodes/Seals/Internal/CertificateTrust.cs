using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.Barcodes.Seals.Internal;

/// <summary>Validity and chain of a seal signer certificate against the trust store, at a given time.</summary>
internal static class CertificateTrust
{
    /// <summary>
    /// Reads every part of the certificate the seal checks use. The platform decodes some parts lazily and throws on the
    /// first access to a malformed one (a bad validity date), so a certificate from a seal or a file is tried once here.
    /// </summary>
    public static bool IsReadable(X509Certificate2 certificate)
    {
        try
        {
            _ = (certificate.NotBefore, certificate.NotAfter, certificate.Subject, certificate.Issuer, certificate.SerialNumber,
                certificate.Thumbprint, certificate.Extensions.Count);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static bool IsValidAt(X509Certificate2 certificate, DateTime at) =>
        certificate.NotBefore.ToUniversalTime() <= at && at <= certificate.NotAfter.ToUniversalTime();

    /// <summary>Valid at some time of the UTC day of <paramref name="day"/>: a VDS signature date has no time of day.</summary>
    public static bool IsValidOn(X509Certificate2 certificate, DateTime day) =>
        certificate.NotBefore.ToUniversalTime() < day.Date.AddDays(1) && day.Date <= certificate.NotAfter.ToUniversalTime();

    public static bool IsValid(X509Certificate2 certificate, DateTime at, bool wholeDay) =>
        wholeDay ? IsValidOn(certificate, at) : IsValidAt(certificate, at);

    /// <summary>
    /// Builds the chain from the signer to a CSCA of the store only (custom root trust, no revocation check, no downloads).
    /// Time validity is judged separately (<see cref="IsValid"/>), so a chain failure always means "not issued by a
    /// trusted CSCA". Returns the CSCA reached, or null with the chain status as the reason.
    /// </summary>
    public static X509Certificate2? FindCsca(X509Certificate2 signer, TrustStore store, DateTime at, out string reason)
    {
        reason = "";
        if (store.Cscas.Count == 0)
        {
            reason = "the trust store holds no CSCA certificate";
            return null;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(store.Cscas.ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = at;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid | X509VerificationFlags.IgnoreCtlNotTimeValid;
        bool built;
        try
        {
            built = chain.Build(signer);
        }
        catch (CryptographicException e)
        {
            // OpenSSL gives up on some certificates it cannot take apart (e.g. a key it cannot decode); not chained, then.
            reason = e.Message;
            return null;
        }

        if (built && chain.ChainElements.Count >= 2)
        {
            var root = chain.ChainElements[^1].Certificate;
            if (store.Cscas.Any(c => c.RawData.AsSpan().SequenceEqual(root.RawData)))
            {
                return root;
            }
        }

        var statuses = chain.ChainStatus.Select(s => s.Status.ToString()).Distinct().ToArray();
        reason = statuses.Length == 0 ? "the chain ends at the signer itself" : string.Join(", ", statuses);
        return null;
    }
}
