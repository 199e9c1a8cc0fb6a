using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Barcodes.Seals;

namespace Gateway.Barcodes.Tests.Seals;

/// <summary>
/// Test-time PKI: a CSCA and seal signers made with CertificateRequest (nothing pre-generated, no real issuer), and a
/// trust store folder in a temporary directory holding their public certificates, deleted on dispose.
/// </summary>
internal sealed class TestPki : IDisposable
{
    public static readonly DateTimeOffset ValidFrom = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ValidTo = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly List<IDisposable> _owned = [];

    public TestPki()
    {
        Folder = Path.Combine(Path.GetTempPath(), "gateway-barcodes-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Csca = CreateCsca("UT", "Utopia Test CSCA");
    }

    public string Folder { get; }

    /// <summary>The trusted CSCA (P-384).</summary>
    public X509Certificate2 Csca { get; }

    public X509Certificate2 CreateCsca(string country, string name)
    {
        var key = Own(ECDsa.Create(ECCurve.NamedCurves.nistP384));
        var request = new CertificateRequest($"CN={name}, C={country}", key, HashAlgorithmName.SHA384);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return Own(request.CreateSelfSigned(ValidFrom.AddYears(-1), ValidTo.AddYears(5)));
    }

    /// <summary>A seal signer C=<paramref name="country"/>, CN=<paramref name="signer"/>, with the given serial, and its private key.</summary>
    public (X509Certificate2 Certificate, ECDsa Key) CreateSigner(
        string country = "UT", string signer = "TS", long serial = 0x5B, X509Certificate2? issuer = null, ECCurve? curve = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var key = Own(ECDsa.Create(curve ?? ECCurve.NamedCurves.nistP256));
        var request = new CertificateRequest($"CN={signer}, C={country}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var hex = serial.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
        var serialBytes = Convert.FromHexString(hex.Length % 2 == 0 ? hex : "0" + hex);
        var certificate = Own(request.Create(issuer ?? Csca, from ?? ValidFrom, to ?? ValidTo, serialBytes));
        return (certificate, key);
    }

    /// <summary>Writes the public certificates into the store folder (DER for signers, PEM for CSCAs) and loads it.</summary>
    public TrustStore Store(params X509Certificate2[] certificates)
    {
        for (var i = 0; i < certificates.Length; i++)
        {
            var certificate = certificates[i];
            var isCa = certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority);
            var path = Path.Combine(Folder, isCa ? $"csca-{i}.pem" : $"signer-{i}.cer");
            if (isCa)
            {
                File.WriteAllText(path, certificate.ExportCertificatePem());
            }
            else
            {
                File.WriteAllBytes(path, certificate.Export(X509ContentType.Cert));
            }
        }

        return Own(TrustStore.Load(Folder));
    }

    public void Dispose()
    {
        foreach (var item in _owned)
        {
            item.Dispose();
        }

        Directory.Delete(Folder, recursive: true);
    }

    private T Own<T>(T item)
        where T : IDisposable
    {
        _owned.Add(item);
        return item;
    }
}
