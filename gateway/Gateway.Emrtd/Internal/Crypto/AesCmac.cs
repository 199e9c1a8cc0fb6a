using System.Security.Cryptography;

namespace Gateway.Emrtd.Internal.Crypto;

/// <summary>AES-CMAC (NIST SP 800-38B, RFC 4493) over System.Security.Cryptography's AES: no served package provides it.</summary>
internal static class AesCmac
{
    public static byte[] Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        var l = aes.EncryptEcb(new byte[16], PaddingMode.None);
        var k1 = Shift(l);
        var k2 = Shift(k1);

        var blocks = Math.Max(1, (data.Length + 15) / 16);
        var complete = data.Length > 0 && data.Length % 16 == 0;
        var last = new byte[16];
        var tail = data[((blocks - 1) * 16)..];
        tail.CopyTo(last);
        if (!complete)
        {
            last[tail.Length] = 0x80;
        }

        Xor(last, complete ? k1 : k2);
        var x = new byte[16];
        var block = new byte[16];
        for (var i = 0; i < blocks - 1; i++)
        {
            data.Slice(i * 16, 16).CopyTo(block);
            Xor(block, x);
            x = aes.EncryptEcb(block, PaddingMode.None);
        }

        Xor(last, x);
        return aes.EncryptEcb(last, PaddingMode.None);
    }

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
