using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Gateway.Emrtd;
using Gateway.VirtualChip;

namespace Gateway.Emrtd.Tests;

/// <summary>The CSCA store read from a real folder: PEM and DER certificates, a signed master list, a CRL, bad files.</summary>
public sealed class CscaStoreTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gateway-csca-");
    private readonly TestPki _pki = TestPki.Create(DateTimeOffset.UtcNow);

    public void Dispose()
    {
        _pki.Dispose();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public void Load_FolderWithPemDerMasterListAndCrl_TrustsEveryCscaAndUsesTheCrl()
    {
        using var other = TestPki.CreateCsca(DateTimeOffset.UtcNow, "CN=Other Test CSCA,O=Gateway Test PKI,C=UT");
        using var listed = TestPki.CreateCsca(DateTimeOffset.UtcNow, "CN=Listed Test CSCA,O=Gateway Test PKI,C=UT");
        File.WriteAllText(Path.Combine(_folder.FullName, "utopia.pem"), _pki.Csca.ExportCertificatePem());
        File.WriteAllBytes(Path.Combine(_folder.FullName, "other.der"), other.RawData);
        var sub = _folder.CreateSubdirectory("lists");
        File.WriteAllBytes(Path.Combine(sub.FullName, "master.ml"), MasterList(listed));
        File.WriteAllBytes(Path.Combine(_folder.FullName, "utopia.crl"), _pki.CreateCrl(DateTimeOffset.UtcNow, _pki.Signer));

        var store = CscaStore.Load(_folder.FullName);

        Assert.Empty(store.Problems);
        Assert.Equal(3, store.Cscas.Count);
        Assert.Contains(store.Cscas, c => c.Subject.Contains("Listed Test CSCA", StringComparison.Ordinal));
        Assert.Equal(1, store.CrlCount);
        Assert.Equal(ChipCheckStatus.Failed, store.Verify(_pki.Signer, DateTimeOffset.UtcNow).Status);
        using var fresh = TestPki.CreateSigner(_pki.Csca, DateTimeOffset.UtcNow);
        Assert.Equal(ChipCheckStatus.Passed, store.Verify(fresh, DateTimeOffset.UtcNow).Status);
    }

    [Fact]
    public void Load_UnreadableFileAndTamperedMasterList_AreListedAsProblemsAndSkipped()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "broken.cer"), "not a certificate");
        using var listed = TestPki.CreateCsca(DateTimeOffset.UtcNow, "CN=Listed Test CSCA,O=Gateway Test PKI,C=UT");
        var list = MasterList(listed);
        list[^10] ^= 0x01;
        File.WriteAllBytes(Path.Combine(_folder.FullName, "tampered.ml"), list);
        File.WriteAllText(Path.Combine(_folder.FullName, "utopia.pem"), _pki.Csca.ExportCertificatePem());

        var store = CscaStore.Load(_folder.FullName);

        Assert.Equal(2, store.Problems.Count);
        Assert.Single(store.Cscas);
    }

    [Fact]
    public void Load_MissingFolder_GivesAnEmptyStoreThatVerifiesNothing()
    {
        var store = CscaStore.Load(Path.Combine(_folder.FullName, "missing"));

        Assert.Single(store.Problems);
        Assert.Equal(ChipCheckStatus.Failed, store.Verify(_pki.Signer, DateTimeOffset.UtcNow).Status);
    }

    /// <summary>A CscaMasterList (Doc 9303 Part 12 §9) signed by a master list signer under the test CSCA.</summary>
    private byte[] MasterList(X509Certificate2 csca)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            using (writer.PushSetOf())
            {
                writer.WriteEncodedValue(csca.RawData);
            }
        }

        var cms = new SignedCms(new ContentInfo(new Oid("2.23.136.1.1.2"), writer.Encode()), detached: false);
        using var signer = TestPki.CreateSigner(_pki.Csca, DateTimeOffset.UtcNow);
        cms.ComputeSignature(new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, signer));
        return cms.Encode();
    }
}
