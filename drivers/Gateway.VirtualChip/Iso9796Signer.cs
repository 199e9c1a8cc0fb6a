using System.Numerics;
using System.Security.Cryptography;

namespace Gateway.VirtualChip;

/// <summary>
/// The chip's side of RSA active authentication: ISO/IEC 9796-2 digital signature scheme 1 with partial message recovery
/// (Doc 9303 Part 11 §6.1). The block <c>6A || M1 || H(M1 || challenge) || trailer</c> is signed by the raw private
/// operation J^d mod n; M1 is a random nonce that fills the block. A test tool: no blinding, no CRT.
/// </summary>
public static class Iso9796Signer
{
    /// <summary>Signs the terminal's challenge.</summary>
    /// <param name="key">The private key (D and Modulus used).</param>
    /// <param name="challenge">The challenge (M2, not recoverable from the signature).</param>
    /// <param name="hash">SHA-1 (trailer BC) or SHA-256/384/512 (trailer 34CC/36CC/35CC).</param>
    public static byte[] Sign(RSAParameters key, ReadOnlySpan<byte> challenge, HashAlgorithmName hash) =>
        SignBlock(key, EncodeBlock(key.Modulus!.Length, challenge, hash));

    /// <summary>The block the chip signs, before the private operation (tests alter it to make malformed signatures).</summary>
    /// <param name="length">The modulus length in bytes.</param>
    /// <param name="challenge">The challenge.</param>
    /// <param name="hash">The hash function.</param>
    public static byte[] EncodeBlock(int length, ReadOnlySpan<byte> challenge, HashAlgorithmName hash)
    {
        // ISO/IEC 10118-3 hash identifiers; SHA-1 uses the implicit trailer BC.
        byte[] trailer = hash == HashAlgorithmName.SHA1 ? [0xBC]
            : hash == HashAlgorithmName.SHA256 ? [0x34, 0xCC]
            : hash == HashAlgorithmName.SHA384 ? [0x36, 0xCC]
            : hash == HashAlgorithmName.SHA512 ? [0x35, 0xCC]
            : throw new ArgumentOutOfRangeException(nameof(hash));
        using var hasher = IncrementalHash.CreateHash(hash);
        var m1 = RandomNumberGenerator.GetBytes(length - 1 - hasher.HashLengthInBytes - trailer.Length);
        hasher.AppendData(m1);
        hasher.AppendData(challenge);
        return [0x6A, .. m1, .. hasher.GetHashAndReset(), .. trailer];
    }

    /// <summary>The raw RSA private operation: block^d mod n, as many bytes as the modulus.</summary>
    /// <param name="key">The private key.</param>
    /// <param name="block">The block, smaller than the modulus.</param>
    public static byte[] SignBlock(RSAParameters key, ReadOnlySpan<byte> block)
    {
        var n = new BigInteger(key.Modulus, isUnsigned: true, isBigEndian: true);
        var s = BigInteger.ModPow(new BigInteger(block, isUnsigned: true, isBigEndian: true), new BigInteger(key.D, isUnsigned: true, isBigEndian: true), n);
        var signature = new byte[key.Modulus!.Length];
        s.TryWriteBytes(signature.AsSpan(signature.Length - s.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return signature;
    }
}
