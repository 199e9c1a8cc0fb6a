using System.Formats.Asn1;
using System.Security.Cryptography;
using Gateway.Emrtd.Internal.Crypto;

namespace Gateway.Emrtd.Internal;

/// <summary>A PACE protocol identifier (Doc 9303 Part 11 §9.2.1) and what it means for us.</summary>
internal sealed record PaceAlgorithm(string Oid, PaceMapping Mapping, bool EllipticCurve, CipherKind Cipher)
{
    public const string PacePrefix = "0.4.0.127.0.7.2.2.4.";

    public static PaceAlgorithm? FromOid(string oid)
    {
        if (!oid.StartsWith(PacePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = oid[PacePrefix.Length..].Split('.');
        if (parts.Length != 2)
        {
            return null;
        }

        (PaceMapping Mapping, bool Ec)? kind = parts[0] switch
        {
            "1" => (PaceMapping.Generic, false),
            "2" => (PaceMapping.Generic, true),
            "3" => (PaceMapping.Integrated, false),
            "4" => (PaceMapping.Integrated, true),
            "6" => (PaceMapping.ChipAuthentication, true),
            _ => null,
        };
        CipherKind? cipher = parts[1] switch
        {
            "1" => CipherKind.TripleDes,
            "2" => CipherKind.Aes128,
            "3" => CipherKind.Aes192,
            "4" => CipherKind.Aes256,
            _ => null,
        };
        return kind is { } k && cipher is { } c ? new PaceAlgorithm(oid, k.Mapping, k.Ec, c) : null;
    }

    /// <summary>The OID of ECDH generic mapping with <paramref name="cipher"/>.</summary>
    public static string EcdhGenericMapping(CipherKind cipher) => PacePrefix + "2." + (cipher switch
    {
        CipherKind.TripleDes => "1",
        CipherKind.Aes128 => "2",
        CipherKind.Aes192 => "3",
        _ => "4",
    });

    /// <summary>The DER content octets of the OID (what DO'80' of MSE:Set AT carries).</summary>
    public byte[] OidContent()
    {
        var der = OidTlv();
        return der[2..];
    }

    /// <summary>The whole DER OID, tag 06 included (the first object of the token input).</summary>
    public byte[] OidTlv()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteObjectIdentifier(Oid);
        return writer.Encode();
    }

    public bool IsSupported => Mapping == PaceMapping.Generic && EllipticCurve;

    /// <summary>The standardised domain parameters of PACE (Doc 9303 Part 11 §9.5.1) that .NET names.</summary>
    public static ECCurve? StandardCurve(int parameterId) => parameterId switch
    {
        8 => ECCurve.CreateFromValue("1.2.840.10045.3.1.1"),
        9 => ECCurve.NamedCurves.brainpoolP192r1,
        10 => ECCurve.CreateFromValue("1.3.132.0.33"),
        11 => ECCurve.NamedCurves.brainpoolP224r1,
        12 => ECCurve.NamedCurves.nistP256,
        13 => ECCurve.NamedCurves.brainpoolP256r1,
        14 => ECCurve.NamedCurves.brainpoolP320r1,
        15 => ECCurve.NamedCurves.nistP384,
        16 => ECCurve.NamedCurves.brainpoolP384r1,
        17 => ECCurve.NamedCurves.brainpoolP512r1,
        18 => ECCurve.NamedCurves.nistP521,
        _ => null,
    };
}

/// <summary>How PACE maps the nonce to an ephemeral generator.</summary>
internal enum PaceMapping
{
    Generic,
    Integrated,
    ChipAuthentication,
}
