using System.Security.Cryptography;

namespace Gateway.Emrtd.Internal.Crypto;

/// <summary>ISO/IEC 9797-1 MAC algorithm 3 ("retail MAC") with DES and a two-key 3DES key, as Doc 9303 uses for BAC.</summary>
internal static class RetailMac
{
    /// <summary>MAC of <paramref name="data"/>, padded with method 2 first when <paramref name="pad"/> is set.</summary>
    public static byte[] Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, bool pad = true)
    {
        var input = pad ? Iso9797.Pad(data, 8) : data.ToArray();
        if (input.Length % 8 != 0)
        {
            throw new ArgumentException("Unpadded MAC input must be a whole number of blocks.", nameof(data));
        }

        using var k1 = Des(key[..8]);
        using var k2 = Des(key[8..16]);
        var chained = k1.EncryptCbc(input, new byte[8], PaddingMode.None);
        var last = chained.AsSpan(chained.Length - 8).ToArray();
        return k1.EncryptEcb(k2.DecryptEcb(last, PaddingMode.None), PaddingMode.None);
    }

    private static DES Des(ReadOnlySpan<byte> key)
    {
        var des = DES.Create();
        // DES refuses weak keys through the Key setter; the one-shot methods below take the key as set here.
        des.Key = key.ToArray();
        return des;
    }
}
