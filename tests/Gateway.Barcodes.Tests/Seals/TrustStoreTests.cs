using Gateway.Barcodes.Seals;

namespace Gateway.Barcodes.Tests.Seals;

public sealed class TrustStoreTests : IDisposable
{
    private readonly TestPki _pki = new();

    public void Dispose() => _pki.Dispose();

    [Fact]
    public void Load_Folder_SortsCscasFromSignersAndReadsSubfolders()
    {
        var (signer, _) = _pki.CreateSigner();
        Directory.CreateDirectory(Path.Combine(_pki.Folder, "signers"));
        File.WriteAllBytes(Path.Combine(_pki.Folder, "signers", "UTTS5B.der"), signer.RawData);

        var store = _pki.Store(_pki.Csca);

        Assert.Equal(_pki.Csca.Thumbprint, Assert.Single(store.Cscas).Thumbprint);
        Assert.Equal(signer.Thumbprint, Assert.Single(store.Signers).Thumbprint);
        Assert.Empty(store.Problems);
        Assert.Equal(_pki.Folder, store.Folder);
    }

    [Fact]
    public void Load_PemWithSeveralCertificates_ReadsEach()
    {
        var (signer, _) = _pki.CreateSigner();
        File.WriteAllText(Path.Combine(_pki.Folder, "bundle.pem"), _pki.Csca.ExportCertificatePem() + "\n" + signer.ExportCertificatePem());

        using var store = TrustStore.Load(_pki.Folder);

        Assert.Single(store.Cscas);
        Assert.Single(store.Signers);
    }

    [Fact]
    public void Load_UnreadableFiles_AreReportedNotThrown()
    {
        File.WriteAllText(Path.Combine(_pki.Folder, "garbage.cer"), "not a certificate");
        File.WriteAllText(Path.Combine(_pki.Folder, "empty.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        File.WriteAllText(Path.Combine(_pki.Folder, "readme.txt"), "ignored: not a certificate extension");

        using var store = TrustStore.Load(_pki.Folder);

        Assert.Equal(2, store.Problems.Count);
        Assert.Empty(store.Cscas);
        Assert.Empty(store.Signers);
    }

    [Fact]
    public void Load_MissingFolder_IsAProblemNotAnException()
    {
        using var store = TrustStore.Load(Path.Combine(_pki.Folder, "nowhere"));

        Assert.Contains("does not exist", Assert.Single(store.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PublishedSignerCertificates_AreSigners()
    {
        File.WriteAllBytes(Path.Combine(_pki.Folder, "DETS32.crt"), Convert.FromBase64String(PublishedCertificates.Dets32));
        File.WriteAllBytes(Path.Combine(_pki.Folder, "UTTS5B.crt"), Convert.FromBase64String(PublishedCertificates.Utts5B));

        using var store = TrustStore.Load(_pki.Folder);

        Assert.Equal(2, store.Signers.Count);
        Assert.Empty(store.Cscas);
    }
}
