using System.Security.Cryptography;

namespace Gateway.Emrtd.Internal.Crypto;

/// <summary>
/// AES-CMAC (NIST SP 800-38B, RFC 4493) over System.Security.Cryptography's AES: no served package provides it. An
/// instance keeps its key schedule and subkeys, as a secure messaging session MACs every APDU with the same key.
/// </summary>
internal sealed class AesCmac : IDisposable
{
    private readonly Aes _aes;
    private readonly byte[] _k1;
    private readonly byte[] _k2;

    public AesCmac(ReadOnlySpan<byte> key)
    {
        _aes = Aes.Create();
        _aes.Key = key.ToArray();
        var l = _aes.EncryptEcb(new byte[16], PaddingMode.None);
        _k1 = Shift(l);
        _k2 = Shift(_k1);
    }

    public static byte[] Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        using var cmac = new AesCmac(key);
        return cmac.Compute(data);
    }

    public byte[] Compute(ReadOnlySpan<byte> data)
    {
        var blocks = Math.Max(1, (data.Length + 15) / 16);
        var complete = data.Length > 0 && data.Length % 16 == 0;
        var last = new byte[16];
        var tail = data[((blocks - 1) * 16)..];
        tail.CopyTo(last);
        if (!complete)
        {
            last[tail.Length] = 0x80;
        }

        Xor(last, complete ? _k1 : _k2);
        var x = new byte[16];
        if (blocks > 1)
        {
            // CBC-MAC of the whole blocks but the last: the last ciphertext block is the chaining value.
            var chained = _aes.EncryptCbc(data[..((blocks - 1) * 16)], x, PaddingMode.None);
            x = chained[^16..];
        }

        Xor(last, x);
        return _aes.EncryptEcb(last, PaddingMode.None);
    }

    public void Dispose() => _aes.Dispose();

    private static byte[] Shift(byte[] input)
    {
        var output = new byte[16];
        for (var i = 0; i < 16; i++)
        {
            output[i] = (byte)(input[i] << 1 | (i < 15 ? input[i + 1] >> 7 : 0));
        }

        if ((input[0] & 0x80) != 0)
        {
            output[15] ^= 0x87;
        }

        return output;
    }

    private static void Xor(Span<byte> target, ReadOnlySpan<byte> other)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] ^= other[i];
        }
    }
}
