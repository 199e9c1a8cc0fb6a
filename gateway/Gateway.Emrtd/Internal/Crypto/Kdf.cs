using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Gateway.Emrtd.Internal.Crypto;

/// <summary>The key derivation function of Doc 9303 Part 11 §9.7.1: hash(shared secret || counter), cut to the key length.</summary>
internal static class Kdf
{
    public const int Encryption = 1;
    public const int Mac = 2;
    public const int Password = 3;

    public static byte[] Derive(ReadOnlySpan<byte> secret, int counter, CipherKind cipher)
    {
        var input = new byte[secret.Length + 4];
        secret.CopyTo(input);
        BinaryPrimitives.WriteInt32BigEndian(input.AsSpan(secret.Length), counter);
        switch (cipher)
        {
            case CipherKind.TripleDes:
                var des = SHA1.HashData(input).AsSpan(0, 16).ToArray();
                AdjustParity(des);
                return des;
            case CipherKind.Aes128:
                return SHA1.HashData(input).AsSpan(0, 16).ToArray();
            case CipherKind.Aes192:
                return SHA256.HashData(input).AsSpan(0, 24).ToArray();
            case CipherKind.Aes256:
                return SHA256.HashData(input);
            default:
                throw new ArgumentOutOfRangeException(nameof(cipher));
        }
    }

    /// <summary>Sets each DES key byte's lowest bit so the byte has odd parity, as the worked examples show the keys.</summary>
    public static void AdjustParity(Span<byte> key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            var b = key[i] & 0xFE;
            var ones = System.Numerics.BitOperations.PopCount((uint)b);
            key[i] = (byte)(b | (ones % 2 == 0 ? 1 : 0));
        }
    }
}

/// <summary>The block cipher of a secure messaging session.</summary>
internal enum CipherKind
{
    TripleDes,
    Aes128,
    Aes192,
    Aes256,
}
