using System.Security.Cryptography;

namespace Gateway.Barcodes.Seals.Internal;

/// <summary>Signature verification for seals: ECDSA with the signature as r‖s (IEEE P1363), any hash including SHA-224.</summary>
internal static class SealCrypto
{
    public static readonly HashAlgorithmName Sha224Name = new("SHA224");

    /// <summary>
    /// The hash a VDS uses for a key of <paramref name="keyBits"/>: the SHA-2 function whose output is at least the key
    /// size (224 → SHA-224, 256 → SHA-256, 384 → SHA-384, 512/521 → SHA-512), as Doc 9303 Part 13 and BSI TR-03137 pair
    /// them; a 320-bit key gets SHA-384.
    /// </summary>
    public static HashAlgorithmName HashForKeySize(int keyBits) => keyBits switch
    {
        <= 224 => Sha224Name,
        <= 256 => HashAlgorithmName.SHA256,
        <= 384 => HashAlgorithmName.SHA384,
        _ => HashAlgorithmName.SHA512,
    };

    public static string HashLabel(HashAlgorithmName hash) => hash.Name switch
    {
        "SHA224" => "SHA-224",
        "SHA256" => "SHA-256",
        "SHA384" => "SHA-384",
        "SHA512" => "SHA-512",
        var other => other ?? "unknown",
    };

    /// <summary>The length of an r‖s signature for a key of <paramref name="keyBits"/>.</summary>
    public static int SignatureLength(int keyBits) => 2 * ((keyBits + 7) / 8);

    public static string CurveName(ECDsa key)
    {
        try
        {
            var oid = key.ExportParameters(false).Curve.Oid;

            // Platforms name the NIST curves differently (ECDSA_P256, nistP256, prime256v1); show the FIPS 186 name.
            return oid.Value switch
            {
                "1.2.840.10045.3.1.7" => "P-256",
                "1.3.132.0.34" => "P-384",
                "1.3.132.0.35" => "P-521",
                _ => oid.FriendlyName ?? oid.Value ?? $"{key.KeySize}-bit curve",
            };
        }
        catch (CryptographicException)
        {
            return $"{key.KeySize}-bit curve";
        }
    }

    /// <summary>True when the r‖s signature holds; throws CryptographicException when the platform cannot verify at all.</summary>
    public static bool VerifyEcdsa(ECDsa key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, HashAlgorithmName hash)
    {
        const DSASignatureFormat Format = DSASignatureFormat.IeeeP1363FixedFieldConcatenation;
        if (hash == Sha224Name)
        {
            return key.VerifyHash(Sha224.Hash(data), signature, Format);
        }

        return key.VerifyData(data, signature, hash, Format);
    }
}
