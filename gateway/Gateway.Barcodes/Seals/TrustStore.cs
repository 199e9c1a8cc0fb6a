using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.Barcodes.Seals;

/// <summary>
/// The local certificates seals are verified against: seal signer certificates (found by the signer identifier and
/// certificate reference of a VDS header) and the CSCA certificates signers must chain to. Load it once (start-up) and
/// share it; it is read-only and thread-safe. A certificate is a CSCA when its basic constraints say CA, or, lacking
/// that extension, when it is self-issued; every other certificate is a signer.
/// </summary>
public sealed class TrustStore : IDisposable
{
    private static readonly string[] Extensions = [".cer", ".crt", ".der", ".pem"];
    private readonly bool _owned;

    private TrustStore(string? folder, List<X509Certificate2> certificates, IReadOnlyList<TrustStoreProblem> problems, bool owned)
    {
        Folder = folder;
        Problems = problems;
        _owned = owned;
        Cscas = certificates.Where(IsCa).ToArray();
        Signers = certificates.Where(c => !IsCa(c)).ToArray();
    }

    /// <summary>The folder the store was loaded from, or null when built from certificates.</summary>
    public string? Folder { get; }

    /// <summary>The trusted CSCA certificates (chain roots).</summary>
    public IReadOnlyList<X509Certificate2> Cscas { get; }

    /// <summary>The seal signer certificates (barcode signers).</summary>
    public IReadOnlyList<X509Certificate2> Signers { get; }

    /// <summary>Files and folders that could not be used, each with its reason; loading never throws for them.</summary>
    public IReadOnlyList<TrustStoreProblem> Problems { get; }

    /// <summary>
    /// Loads every <c>.cer</c>, <c>.crt</c>, <c>.der</c> and <c>.pem</c> file (DER, or PEM with one or more certificates)
    /// under <paramref name="folder"/> and its subfolders. A missing folder or an unreadable file is listed in
    /// <see cref="Problems"/>; other files are ignored.
    /// </summary>
    /// <param name="folder">The trust store folder (configurable in the host).</param>
    /// <exception cref="ArgumentNullException"><paramref name="folder"/> is null.</exception>
    public static TrustStore Load(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var certificates = new List<X509Certificate2>();
        var problems = new List<TrustStoreProblem>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new TrustStoreProblem(folder, "The trust store folder does not exist."));
            return new TrustStore(folder, certificates, problems, owned: true);
        }

        IEnumerable<string> files;
        try
        {
            files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new TrustStoreProblem(folder, $"The trust store folder cannot be listed: {e.Message}"));
            return new TrustStore(folder, certificates, problems, owned: true);
        }

        foreach (var file in files)
        {
            LoadFile(file, certificates, problems);
        }

        return new TrustStore(folder, certificates, problems, owned: true);
    }

    /// <summary>Builds a store from certificates already in memory; the caller keeps ownership of them.</summary>
    /// <param name="certificates">Signer and CSCA certificates, in any order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="certificates"/> is null.</exception>
    public static TrustStore FromCertificates(IEnumerable<X509Certificate2> certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        return new TrustStore(null, certificates.ToList(), [], owned: false);
    }

    /// <summary>Releases the certificates this store loaded itself (none when built with <see cref="FromCertificates"/>).</summary>
    public void Dispose()
    {
        if (!_owned)
        {
            return;
        }

        foreach (var certificate in Cscas.Concat(Signers))
        {
            certificate.Dispose();
        }
    }

    private static void LoadFile(string file, List<X509Certificate2> certificates, List<TrustStoreProblem> problems)
    {
        try
        {
            var bytes = File.ReadAllBytes(file);
            var text = System.Text.Encoding.ASCII.GetString(bytes);
            if (!text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                Add(file, X509CertificateLoader.LoadCertificate(bytes), certificates, problems);
                return;
            }

            var found = 0;
            var rest = text.AsSpan();
            while (PemEncoding.TryFind(rest, out var fields))
            {
                if (rest[fields.Label].SequenceEqual("CERTIFICATE"))
                {
                    Add(file, X509CertificateLoader.LoadCertificate(Convert.FromBase64String(rest[fields.Base64Data].ToString())), certificates, problems);
                    found++;
                }

                rest = rest[fields.Location.End..];
            }

            if (found == 0)
            {
                problems.Add(new TrustStoreProblem(file, "The PEM file holds no CERTIFICATE block."));
            }
        }
        catch (Exception e) when (e is CryptographicException or FormatException or IOException or UnauthorizedAccessException)
        {
            problems.Add(new TrustStoreProblem(file, $"Not a readable certificate: {e.Message}"));
        }
    }

    private static void Add(string file, X509Certificate2 certificate, List<X509Certificate2> certificates, List<TrustStoreProblem> problems)
    {
        if (Internal.CertificateTrust.IsReadable(certificate))
        {
            certificates.Add(certificate);
            return;
        }

        certificate.Dispose();
        problems.Add(new TrustStoreProblem(file, "The certificate has a part that does not decode (e.g. a validity date)."));
    }

    private static bool IsCa(X509Certificate2 certificate)
    {
        var constraints = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        return constraints?.CertificateAuthority ?? certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);
    }
}
