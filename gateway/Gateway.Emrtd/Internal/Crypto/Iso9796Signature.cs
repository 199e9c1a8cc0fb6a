using System.Numerics;
using System.Security.Cryptography;

namespace Gateway.Emrtd.Internal.Crypto;

/// <summary>
/// Verification of ISO/IEC 9796-2 digital signature scheme 1 with partial message recovery, as RSA active authentication
/// uses it (Doc 9303 Part 11 §6.1): the RSA public operation without padding recovers the block
/// <c>6A || M1 || H(M1 || M2) || trailer</c>, where M1 is the chip's nonce and M2 the terminal's challenge. The trailer
/// names the hash: <c>BC</c> is SHA-1; <c>xx CC</c> carries the ISO/IEC 10118-3 hash identifier xx.
/// </summary>
internal static class Iso9796Signature
{
    /// <summary>The header of a block whose message is partly recovered (the challenge is not in the block).</summary>
    public const byte PartialRecoveryHeader = 0x6A;

    /// <summary>
    /// Verifies <paramref name="signature"/> of the message <c>M1 || <paramref name="nonRecoverable"/></c> with the public
    /// key, and returns the outcome with the recovered M1.
    /// </summary>
    public static Iso9796Verification Verify(RSAParameters key, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> nonRecoverable)
    {
        var block = PublicOperation(key, signature);
        if (block is null)
        {
            return new Iso9796Verification(Iso9796Outcome.OutOfRange);
        }

        if (block[0] != PartialRecoveryHeader)
        {
            return new Iso9796Verification(Iso9796Outcome.WrongHeader, Header: block[0]);
        }

        var (hash, trailerLength, trailer) = ReadTrailer(block);
        if (trailerLength == 0)
        {
            return new Iso9796Verification(Iso9796Outcome.WrongTrailer, Trailer: trailer);
        }

        if (hash is not { } algorithm)
        {
            return new Iso9796Verification(Iso9796Outcome.UnsupportedHash, Trailer: trailer);
        }

        var hashLength = HashLength(algorithm);
        var m1Length = block.Length - 1 - hashLength - trailerLength;
        if (m1Length < 0)
        {
            return new Iso9796Verification(Iso9796Outcome.WrongTrailer, Trailer: trailer);
        }

        var m1 = block.AsSpan(1, m1Length).ToArray();
        var expected = CryptographicOperations.HashData(algorithm, [.. m1, .. nonRecoverable]);
        var inBlock = block.AsSpan(1 + m1Length, hashLength);
        var outcome = CryptographicOperations.FixedTimeEquals(expected, inBlock) ? Iso9796Outcome.Valid : Iso9796Outcome.HashMismatch;
        return new Iso9796Verification(outcome, algorithm, m1, block[0], trailer);
    }

    /// <summary>s^e mod n as a big-endian block as long as the modulus; null when s is not smaller than n.</summary>
    public static byte[]? PublicOperation(RSAParameters key, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(key.Modulus);
        ArgumentNullException.ThrowIfNull(key.Exponent);
        var n = new BigInteger(key.Modulus, isUnsigned: true, isBigEndian: true);
        var s = new BigInteger(signature, isUnsigned: true, isBigEndian: true);
        if (s >= n)
        {
            return null;
        }

        var m = BigInteger.ModPow(s, new BigInteger(key.Exponent, isUnsigned: true, isBigEndian: true), n);
        var block = new byte[key.Modulus.Length];
        var count = m.GetByteCount(isUnsigned: true);
        m.TryWriteBytes(block.AsSpan(block.Length - count), out _, isUnsigned: true, isBigEndian: true);
        return block;
    }

    /// <summary>The hash a trailer names, its length (0: not a trailer of this scheme) and its text for messages.</summary>
    private static (HashAlgorithmName? Hash, int Length, string Text) ReadTrailer(byte[] block)
    {
        if (block[^1] == 0xBC)
        {
            return (HashAlgorithmName.SHA1, 1, "BC");
        }

        var text = Convert.ToHexString(block.AsSpan(block.Length - 2));
        if (block[^1] != 0xCC)
        {
            return (null, 0, Convert.ToHexString(block.AsSpan(block.Length - 1)));
        }

        // ISO/IEC 10118-3 identifiers; 0x31/0x32 (RIPEMD-160/128), 0x37 (Whirlpool) and 0x38 (SHA-224) are valid but not
        // offered by System.Security.Cryptography.
        HashAlgorithmName? hash = block[^2] switch
        {
            0x33 => HashAlgorithmName.SHA1,
            0x34 => HashAlgorithmName.SHA256,
            0x35 => HashAlgorithmName.SHA512,
            0x36 => HashAlgorithmName.SHA384,
            _ => null,
        };
        return block[^2] is >= 0x31 and <= 0x38 ? (hash, 2, text) : (null, 0, text);
    }

    private static int HashLength(HashAlgorithmName hash) =>
        hash == HashAlgorithmName.SHA1 ? 20 : hash == HashAlgorithmName.SHA256 ? 32 : hash == HashAlgorithmName.SHA384 ? 48 : 64;
}

/// <summary>The outcome of an ISO/IEC 9796-2 verification.</summary>
internal enum Iso9796Outcome
{
    Valid,

    /// <summary>The signature is not smaller than the modulus.</summary>
    OutOfRange,

    /// <summary>The recovered block does not start with 6A: not this scheme, or another key signed it.</summary>
    WrongHeader,

    /// <summary>The recovered block does not end with a trailer of this scheme.</summary>
    WrongTrailer,

    /// <summary>The trailer names a hash function this library does not offer.</summary>
    UnsupportedHash,

    /// <summary>The hash in the block is not the hash of M1 and the challenge.</summary>
    HashMismatch,
}

/// <summary>The outcome and what was recovered: the hash named by the trailer, M1, the header and trailer bytes (hex).</summary>
internal sealed record Iso9796Verification(Iso9796Outcome Outcome, HashAlgorithmName? Hash = null, byte[]? M1 = null, byte? Header = null, string? Trailer = null);
