using System.Formats.Asn1;
using Gateway.Emrtd.Internal.Crypto;

namespace Gateway.Emrtd.Internal.Lds;

/// <summary>
/// What DG14 offers for chip authentication (Doc 9303 Part 11 §9.2.5–9.2.6): a ChipAuthenticationInfo (protocol, version,
/// optional key id) and the ChipAuthenticationPublicKeyInfo with the same key id (the chip's static key).
/// </summary>
/// <param name="Protocol">The CA protocol OID, e.g. id-CA-ECDH-AES-CBC-CMAC-128.</param>
/// <param name="Cipher">The secure messaging cipher the protocol names.</param>
/// <param name="PublicKeyInfo">The chip's static public key as a SubjectPublicKeyInfo with id-ecPublicKey.</param>
/// <param name="KeyId">The key id, sent to the chip when present.</param>
internal sealed record ChipAuthenticationKey(string Protocol, CipherKind Cipher, byte[] PublicKeyInfo, long? KeyId)
{
    public const string CaEcdhPrefix = "0.4.0.127.0.7.2.2.3.2.";
    public const string PkEcdh = "0.4.0.127.0.7.2.2.1.2";
    private const string CaPrefix = "0.4.0.127.0.7.2.2.3.";
    private const string PkPrefix = "0.4.0.127.0.7.2.2.1.";
    private const string EcPublicKey = "1.2.840.10045.2.1";

    /// <summary>
    /// The ECDH key and protocol DG14 offers; null when it offers chip authentication only with DH (not supported here),
    /// with <paramref name="offered"/> naming what it offers. Without a ChipAuthenticationInfo (first-generation chips),
    /// ECDH keys imply 3DES, as Doc 9303 allows.
    /// </summary>
    /// <exception cref="AsnContentException">DG14 is not well-formed.</exception>
    public static ChipAuthenticationKey? FromDg14(byte[] dg14, out string offered)
    {
        if (!Tlv.TryFind(dg14, 0x6E, out var body))
        {
            throw new AsnContentException("DG14 does not start with tag 6E.");
        }

        var protocols = new List<(string Oid, long? KeyId)>();
        var keys = new List<(string Oid, byte[] Spki, long? KeyId)>();
        var set = new AsnReader(body.ToArray(), AsnEncodingRules.BER).ReadSetOf(skipSortOrderValidation: true);
        while (set.HasData)
        {
            var info = set.ReadSequence();
            var oid = info.ReadObjectIdentifier();
            // id-CA-DH and id-CA-ECDH themselves (one arc shorter) name a ChipAuthenticationDomainParameterInfo: skipped.
            if (oid.StartsWith(CaPrefix, StringComparison.Ordinal) && oid.AsSpan(CaPrefix.Length).Contains('.'))
            {
                info.ReadInteger();
                protocols.Add((oid, info.HasData ? (long)info.ReadInteger() : null));
            }
            else if (oid.StartsWith(PkPrefix, StringComparison.Ordinal))
            {
                var spki = info.ReadEncodedValue().ToArray();
                keys.Add((oid, spki, info.HasData ? (long)info.ReadInteger() : null));
            }
        }

        offered = string.Join(", ", protocols.Select(p => p.Oid).Concat(keys.Select(k => k.Oid)).Distinct());
        if (protocols.Count == 0)
        {
            protocols.AddRange(keys.Where(k => k.Oid == PkEcdh).Select(k => (CaEcdhPrefix + "1", k.KeyId)));
        }

        foreach (var (oid, keyId) in protocols)
        {
            var cipher = CipherOf(oid);
            var key = keys.FirstOrDefault(k => k.Oid == PkEcdh && (keyId is null || k.KeyId == keyId));
            if (cipher is { } c && key.Spki is not null)
            {
                return new ChipAuthenticationKey(oid, c, AsEcPublicKey(key.Spki), key.KeyId ?? keyId);
            }
        }

        return null;
    }

    private static CipherKind? CipherOf(string oid) => !oid.StartsWith(CaEcdhPrefix, StringComparison.Ordinal) ? null : oid[CaEcdhPrefix.Length..] switch
    {
        "1" => CipherKind.TripleDes,
        "2" => CipherKind.Aes128,
        "3" => CipherKind.Aes192,
        "4" => CipherKind.Aes256,
        _ => null,
    };

    /// <summary>
    /// Some chips label their key id-PK-ECDH inside the SubjectPublicKeyInfo too; the key is the same EC point and
    /// parameters, so it is relabelled id-ecPublicKey for the platform's importer.
    /// </summary>
    private static byte[] AsEcPublicKey(byte[] spki)
    {
        var outer = new AsnReader(spki, AsnEncodingRules.BER).ReadSequence();
        var algorithm = outer.ReadSequence();
        if (algorithm.ReadObjectIdentifier() != PkEcdh)
        {
            return spki;
        }

        var parameters = algorithm.HasData ? algorithm.ReadEncodedValue().ToArray() : null;
        var point = outer.ReadBitString(out _);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(EcPublicKey);
                if (parameters is not null)
                {
                    writer.WriteEncodedValue(parameters);
                }
            }

            writer.WriteBitString(point);
        }

        return writer.Encode();
    }
}
