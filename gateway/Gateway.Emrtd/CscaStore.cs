using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Gateway.Emrtd.Internal;

namespace Gateway.Emrtd;

/// <summary>
/// The country signing CA certificates document signers must chain to, loaded offline from a folder: certificates
/// (<c>.cer .crt .der .pem</c>), CSCA master lists (<c>.ml</c>: CMS SignedData of a CscaMasterList, Doc 9303 Part 12 §9;
/// its signature is checked, and the file is trusted as the operator placed it), and CRLs (<c>.crl</c>, DER or PEM), used
/// when their issuer is a CSCA of the store and their signature verifies under it. Read-only and thread-safe once loaded.
/// </summary>
public sealed class CscaStore
{
    private static readonly string[] CertificateExtensions = [".cer", ".crt", ".der", ".pem"];
    private readonly List<RevocationList> _crls;

    private CscaStore(List<X509Certificate2> cscas, List<RevocationList> crls, List<string> problems)
    {
        Cscas = cscas;
        _crls = crls;
        Problems = problems;
    }

    /// <summary>The trusted CSCA certificates.</summary>
    public IReadOnlyList<X509Certificate2> Cscas { get; }

    /// <summary>How many CRLs were loaded.</summary>
    public int CrlCount => _crls.Count;

    /// <summary>Files that could not be used, each with its reason; loading never throws for them.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Loads every certificate, master list and CRL under <paramref name="folder"/> and its subfolders.</summary>
    /// <param name="folder">The store folder.</param>
    /// <returns>The store; a missing folder gives an empty store with a problem.</returns>
    public static CscaStore Load(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var cscas = new List<X509Certificate2>();
        var crlBytes = new List<byte[]>();
        var problems = new List<string>();
        if (!Directory.Exists(folder))
        {
            problems.Add($"{folder}: the CSCA folder does not exist.");
            return new CscaStore(cscas, [], problems);
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var extension = Path.GetExtension(file).ToLowerInvariant();
            try
            {
                if (CertificateExtensions.Contains(extension))
                {
                    cscas.AddRange(ReadPemOrDer(File.ReadAllBytes(file), "CERTIFICATE").Select(X509CertificateLoader.LoadCertificate));
                }
                else if (extension == ".ml")
                {
                    cscas.AddRange(ReadMasterList(File.ReadAllBytes(file)));
                }
                else if (extension == ".crl")
                {
                    crlBytes.AddRange(ReadPemOrDer(File.ReadAllBytes(file), "X509 CRL"));
                }
            }
            catch (Exception e) when (e is CryptographicException or AsnContentException or FormatException or IOException or UnauthorizedAccessException)
            {
                problems.Add($"{file}: {e.Message}");
            }
        }

        return Build(cscas, crlBytes, problems);
    }

    /// <summary>Builds a store from certificates and CRLs in memory.</summary>
    /// <param name="cscas">The trusted CSCA certificates.</param>
    /// <param name="crls">DER CRLs issued by them (optional).</param>
    /// <returns>The store.</returns>
    public static CscaStore FromCertificates(IEnumerable<X509Certificate2> cscas, IEnumerable<byte[]>? crls = null)
    {
        ArgumentNullException.ThrowIfNull(cscas);
        return Build(cscas.ToList(), crls?.ToList() ?? [], []);
    }

    /// <summary>Reads the CSCA certificates of a master list after checking its CMS signature.</summary>
    /// <param name="masterList">The DER CMS SignedData.</param>
    /// <returns>The certificates it lists.</returns>
    /// <exception cref="CryptographicException">The signature does not verify.</exception>
    public static IReadOnlyList<X509Certificate2> ReadMasterList(byte[] masterList)
    {
        var cms = new SignedCms();
        cms.Decode(masterList);
        cms.CheckSignature(verifySignatureOnly: true);
        var list = new AsnReader(cms.ContentInfo.Content, AsnEncodingRules.BER).ReadSequence();
        list.ReadInteger();
        var set = list.ReadSetOf(skipSortOrderValidation: true);
        var certificates = new List<X509Certificate2>();
        while (set.HasData)
        {
            certificates.Add(X509CertificateLoader.LoadCertificate(set.ReadEncodedValue().Span));
        }

        return certificates;
    }

    /// <summary>
    /// Checks that <paramref name="signer"/> chains to a CSCA of the store at <paramref name="at"/>, and is not on a CRL of
    /// that CSCA.
    /// </summary>
    /// <param name="signer">The document signer certificate.</param>
    /// <param name="at">The verification time.</param>
    /// <param name="culture">The language of the check's detail (default the current UI culture).</param>
    /// <returns>The <c>chip.signer.chain</c> check.</returns>
    public ChipCheck Verify(X509Certificate2 signer, DateTimeOffset at, System.Globalization.CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var c = culture ?? System.Globalization.CultureInfo.CurrentUICulture;
        const string name = "chip.signer.chain";
        if (Cscas.Count == 0)
        {
            return new ChipCheck(name, ChipCheckStatus.Failed, ChipTexts.Format(c, "NoCsca"));
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(Cscas.ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        if (!chain.Build(signer))
        {
            var reasons = string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
            return new ChipCheck(name, ChipCheckStatus.Failed, ChipTexts.Format(c, "ChainFailed", reasons));
        }

        var root = chain.ChainElements[^1].Certificate;
        var crls = _crls.Where(c => c.Issuer.RawData.AsSpan().SequenceEqual(root.SubjectName.RawData) && c.IsSignedBy(root)).ToList();
        if (crls.Any(c => c.IsRevoked(signer)))
        {
            return new ChipCheck(name, ChipCheckStatus.Failed, ChipTexts.Format(c, "Revoked"));
        }

        var crlNote = ChipTexts.Format(c, crls.Count == 0 ? "NoCrl" : crls.Any(l => l.NextUpdate < at) ? "CrlStale" : "CrlChecked");
        return new ChipCheck(name, ChipCheckStatus.Passed, ChipTexts.Format(c, "Chained", root.Subject, crlNote));
    }

    private static CscaStore Build(List<X509Certificate2> cscas, List<byte[]> crlBytes, List<string> problems)
    {
        var crls = new List<RevocationList>();
        foreach (var bytes in crlBytes)
        {
            try
            {
                crls.Add(RevocationList.Parse(bytes));
            }
            catch (AsnContentException e)
            {
                problems.Add($"A CRL does not parse: {e.Message}");
            }
        }

        return new CscaStore(cscas, crls, problems);
    }

    private static IEnumerable<byte[]> ReadPemOrDer(byte[] bytes, string label)
    {
        var text = System.Text.Encoding.ASCII.GetString(bytes);
        if (!text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            yield return bytes;
            yield break;
        }

        var rest = text.AsMemory();
        while (PemEncoding.TryFind(rest.Span, out var fields))
        {
            if (rest.Span[fields.Label].SequenceEqual(label))
            {
                yield return Convert.FromBase64String(rest.Span[fields.Base64Data].ToString());
            }

            rest = rest[fields.Location.End..];
        }
    }
}
