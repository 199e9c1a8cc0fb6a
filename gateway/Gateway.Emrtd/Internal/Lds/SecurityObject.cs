using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.Emrtd.Internal.Lds;

/// <summary>
/// EF.SOD (Doc 9303 Part 10 §4.6.2): tag 77 around a CMS SignedData whose content is the LDSSecurityObject — the hash
/// algorithm and one hash per data group.
/// </summary>
internal sealed class SecurityObject
{
    public const string LdsSecurityObjectOid = "2.23.136.1.1.1";

    private SecurityObject(SignedCms cms, HashAlgorithmName hash, IReadOnlyDictionary<int, byte[]> hashes)
    {
        Cms = cms;
        HashAlgorithm = hash;
        DataGroupHashes = hashes;
    }

    public SignedCms Cms { get; }

    public HashAlgorithmName HashAlgorithm { get; }

    public IReadOnlyDictionary<int, byte[]> DataGroupHashes { get; }

    /// <summary>The document signer certificate carried in the SignedData, when there is one.</summary>
    public X509Certificate2? Signer => Cms.SignerInfos.Count > 0 ? Cms.SignerInfos[0].Certificate : null;

    public static SecurityObject Parse(byte[] sod)
    {
        if (!Tlv.TryFind(sod, 0x77, out var body))
        {
            throw new ChipException(ChipErrorKind.Malformed, "EF.SOD does not start with tag 77.");
        }

        try
        {
            var cms = new SignedCms();
            cms.Decode(body);
            if (cms.ContentInfo.ContentType.Value != LdsSecurityObjectOid)
            {
                throw new ChipException(ChipErrorKind.Malformed, "EF.SOD does not hold an LDSSecurityObject.");
            }

            var reader = new AsnReader(cms.ContentInfo.Content, AsnEncodingRules.BER).ReadSequence();
            reader.ReadInteger();
            var algorithm = reader.ReadSequence().ReadObjectIdentifier();
            var hash = HashFromOid(algorithm) ?? throw new ChipException(ChipErrorKind.NotSupported, $"EF.SOD hash algorithm {algorithm} is not supported.");
            var hashes = new SortedDictionary<int, byte[]>();
            var list = reader.ReadSequence();
            while (list.HasData)
            {
                var item = list.ReadSequence();
                hashes[(int)item.ReadInteger()] = item.ReadOctetString();
            }

            return new SecurityObject(cms, hash, hashes);
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException)
        {
            throw new ChipException(ChipErrorKind.Malformed, "EF.SOD does not parse as CMS SignedData.", innerException: e);
        }
    }

    /// <summary>Encodes an LDSSecurityObject (the virtual chip signs it into its SOD).</summary>
    public static byte[] EncodeContent(HashAlgorithmName hash, IReadOnlyDictionary<int, byte[]> hashes)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(OidFromHash(hash));
            }

            using (writer.PushSequence())
            {
                foreach (var (number, value) in hashes)
                {
                    using (writer.PushSequence())
                    {
                        writer.WriteInteger(number);
                        writer.WriteOctetString(value);
                    }
                }
            }
        }

        return writer.Encode();
    }

    public static byte[] Hash(HashAlgorithmName hash, byte[] data) => hash.Name switch
    {
        "SHA1" => SHA1.HashData(data),
        "SHA256" => SHA256.HashData(data),
        "SHA384" => SHA384.HashData(data),
        "SHA512" => SHA512.HashData(data),
        _ => throw new ArgumentOutOfRangeException(nameof(hash)),
    };

    private static HashAlgorithmName? HashFromOid(string oid) => oid switch
    {
        "1.3.14.3.2.26" => HashAlgorithmName.SHA1,
        "2.16.840.1.101.3.4.2.1" => HashAlgorithmName.SHA256,
        "2.16.840.1.101.3.4.2.2" => HashAlgorithmName.SHA384,
        "2.16.840.1.101.3.4.2.3" => HashAlgorithmName.SHA512,
        _ => null,
    };

    private static string OidFromHash(HashAlgorithmName hash) => hash.Name switch
    {
        "SHA1" => "1.3.14.3.2.26",
        "SHA256" => "2.16.840.1.101.3.4.2.1",
        "SHA384" => "2.16.840.1.101.3.4.2.2",
        _ => "2.16.840.1.101.3.4.2.3",
    };
}
