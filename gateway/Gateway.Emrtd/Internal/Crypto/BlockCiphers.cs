using System.Security.Cryptography;

namespace Gateway.Emrtd.Internal.Crypto;

/// <summary>CBC with a zero IV, no padding: BAC's mutual authentication and PACE's nonce use it.</summary>
internal static class BlockCiphers
{
    public static byte[] TripleDesCbc(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, bool encrypt)
    {
        using var des = TripleDES.Create();
        // Two-key 3DES (K1, K2, K1): OpenSSL wants the 24-byte form.
        des.Key = key.Length == 16 ? [.. key, .. key[..8]] : key.ToArray();
        return encrypt ? des.EncryptCbc(data, new byte[8], PaddingMode.None) : des.DecryptCbc(data, new byte[8], PaddingMode.None);
    }

    public static byte[] AesCbc(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> data, bool encrypt)
    {
        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        return encrypt ? aes.EncryptCbc(data, iv, PaddingMode.None) : aes.DecryptCbc(data, iv, PaddingMode.None);
    }

    public static byte[] AesEcb(ReadOnlySpan<byte> key, ReadOnlySpan<byte> block)
    {
        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        return aes.EncryptEcb(block, PaddingMode.None);
    }
}
