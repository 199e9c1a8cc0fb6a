using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Host.Journal;

/// <summary>
/// AES-GCM for one journal entry. The associated data binds the ciphertext to its sequence, capture id and key id, so
/// an entry cannot be moved to another row unnoticed; the 16-byte tag is the entry's checksum.
/// </summary>
internal static class EntryCipher
{
    public const int NonceSize = 12;
    public const int TagSize = 16;

    public static (byte[] Nonce, byte[] Tag, byte[] Ciphertext) Encrypt(byte[] key, long keyId, ulong sequence, string captureId, byte[] plaintext)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var tag = new byte[TagSize];
        var ciphertext = new byte[plaintext.Length];
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, ciphertext, tag, AssociatedData(keyId, sequence, captureId));
        return (nonce, tag, ciphertext);
    }

    /// <summary>The plaintext, or null when the entry fails its tag (torn, corrupted or tampered with).</summary>
    public static byte[]? TryDecrypt(byte[] key, long keyId, ulong sequence, string captureId, byte[] nonce, byte[] tag, byte[] ciphertext)
    {
        if (nonce.Length != NonceSize || tag.Length != TagSize)
        {
            return null;
        }

        var plaintext = new byte[ciphertext.Length];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(nonce, ciphertext, tag, plaintext, AssociatedData(keyId, sequence, captureId));
            return plaintext;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static byte[] AssociatedData(long keyId, ulong sequence, string captureId)
    {
        var id = Encoding.UTF8.GetBytes(captureId);
        var data = new byte[16 + id.Length];
        BinaryPrimitives.WriteInt64BigEndian(data, keyId);
        BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(8), sequence);
        id.CopyTo(data, 16);
        return data;
    }
}
