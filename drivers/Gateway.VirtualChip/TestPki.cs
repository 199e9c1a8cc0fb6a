using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.VirtualChip;

/// <summary>
/// A country signing CA and a document signer generated on the spot (ECDSA P-256), for tests and training only. Nothing
/// here is, or chains to, a real issuer's key.
/// </summary>
public sealed class TestPki : IDisposable
{
    private TestPki(X509Certificate2 csca, X509Certificate2 signer, DateTimeOffset createdAt)
    {
        Csca = csca;
        Signer = signer;
        CreatedAt = createdAt;
    }

    /// <summary>The time the certificates were made for (their validity starts a little before it).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The CSCA certificate, with its private key.</summary>
    public X509Certificate2 Csca { get; }

    /// <summary>The document signer certificate, with its private key.</summary>
    public X509Certificate2 Signer { get; }

    public static TestPki Create(DateTimeOffset now)
    {
        var csca = CreateCsca(now, "CN=Utopia Test CSCA,O=Gateway Test PKI,C=UT");
        var signer = CreateSigner(csca, now);
        return new TestPki(csca, signer, now);
    }

    public static X509Certificate2 CreateCsca(DateTimeOffset now, string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddYears(-2), now.AddYears(13));
    }

    public static X509Certificate2 CreateSigner(X509Certificate2 csca, DateTimeOffset now, bool expired = false)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Utopia Test Document Signer,O=Gateway Test PKI,C=UT", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(csca, true, false));
        var (notBefore, notAfter) = expired ? (now.AddYears(-1), now.AddDays(-1)) : (now.AddMonths(-1), now.AddYears(10));
        var serial = RandomNumberGenerator.GetBytes(8);
        serial[0] &= 0x7F;
        using var issued = request.Create(csca, notBefore, notAfter, serial);
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>A DER CRL of the CSCA revoking the given certificates.</summary>
    public byte[] CreateCrl(DateTimeOffset now, params X509Certificate2[] revoked)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var certificate in revoked)
        {
            builder.AddEntry(certificate, now.AddDays(-1));
        }

        return builder.Build(Csca, 1, now.AddDays(30), HashAlgorithmName.SHA256, null, now.AddDays(-1));
    }

    public void Dispose()
    {
        Csca.Dispose();
        Signer.Dispose();
    }
}
