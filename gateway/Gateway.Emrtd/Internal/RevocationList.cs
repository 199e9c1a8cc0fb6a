using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.Emrtd.Internal;

/// <summary>
/// An X.509 CRL (RFC 5280 §5) read far enough to check a document signer: issuer, dates, revoked serial numbers, and its
/// signature under the CSCA. .NET builds CRLs but offers no public reader, hence this one.
/// </summary>
internal sealed class RevocationList
{
    private readonly byte[] _tbs;
    private readonly string _signatureOid;
    private readonly byte[] _signature;

    private RevocationList(byte[] tbs, string signatureOid, byte[] signature, X500DistinguishedName issuer, DateTimeOffset thisUpdate,
        DateTimeOffset? nextUpdate, HashSet<BigInteger> revoked)
    {
        _tbs = tbs;
        _signatureOid = signatureOid;
        _signature = signature;
        Issuer = issuer;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
        Revoked = revoked;
    }

    public X500DistinguishedName Issuer { get; }

    public DateTimeOffset ThisUpdate { get; }

    public DateTimeOffset? NextUpdate { get; }

    public IReadOnlySet<BigInteger> Revoked { get; }

    public static RevocationList Parse(byte[] der)
    {
        var list = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var tbsBytes = list.ReadEncodedValue().ToArray();
        var signatureOid = list.ReadSequence().ReadObjectIdentifier();
        var signature = list.ReadBitString(out _);

        var tbs = new AsnReader(tbsBytes, AsnEncodingRules.DER).ReadSequence();
        if (tbs.PeekTag() == Asn1Tag.Integer)
        {
            tbs.ReadInteger();
        }

        tbs.ReadSequence();
        var issuer = new X500DistinguishedName(tbs.ReadEncodedValue().Span);
        var thisUpdate = ReadTime(tbs);
        DateTimeOffset? nextUpdate = tbs.HasData && (tbs.PeekTag() == Asn1Tag.UtcTime || tbs.PeekTag() == Asn1Tag.GeneralizedTime) ? ReadTime(tbs) : null;
        var revoked = new HashSet<BigInteger>();
        if (tbs.HasData && tbs.PeekTag() == Asn1Tag.Sequence)
        {
            var entries = tbs.ReadSequence();
            while (entries.HasData)
            {
                revoked.Add(entries.ReadSequence().ReadInteger());
            }
        }

        return new RevocationList(tbsBytes, signatureOid, signature, issuer, thisUpdate, nextUpdate, revoked);
    }

    public bool IsSignedBy(X509Certificate2 issuer)
    {
        var (hash, ec) = _signatureOid switch
        {
            "1.2.840.113549.1.1.5" => (HashAlgorithmName.SHA1, false),
            "1.2.840.113549.1.1.11" => (HashAlgorithmName.SHA256, false),
            "1.2.840.113549.1.1.12" => (HashAlgorithmName.SHA384, false),
            "1.2.840.113549.1.1.13" => (HashAlgorithmName.SHA512, false),
            "1.2.840.10045.4.3.2" => (HashAlgorithmName.SHA256, true),
            "1.2.840.10045.4.3.3" => (HashAlgorithmName.SHA384, true),
            "1.2.840.10045.4.3.4" => (HashAlgorithmName.SHA512, true),
            _ => (default(HashAlgorithmName), false),
        };
        if (hash.Name is null)
        {
            return false;
        }

        if (ec)
        {
            using var ecdsa = issuer.GetECDsaPublicKey();
            return ecdsa?.VerifyData(_tbs, _signature, hash, DSASignatureFormat.Rfc3279DerSequence) == true;
        }

        using var rsa = issuer.GetRSAPublicKey();
        return rsa?.VerifyData(_tbs, _signature, hash, RSASignaturePadding.Pkcs1) == true;
    }

    public bool IsRevoked(X509Certificate2 certificate) =>
        Revoked.Contains(new BigInteger(certificate.SerialNumberBytes.Span, isUnsigned: false, isBigEndian: true));

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag() == Asn1Tag.UtcTime ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();
}
