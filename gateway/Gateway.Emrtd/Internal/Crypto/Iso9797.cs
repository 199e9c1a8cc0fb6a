namespace Gateway.Emrtd.Internal.Crypto;

/// <summary>ISO/IEC 9797-1 padding method 2 (ISO 7816-4): a 0x80 byte, then zeros up to the block size.</summary>
internal static class Iso9797
{
    public static byte[] Pad(ReadOnlySpan<byte> data, int blockSize)
    {
        var length = (data.Length / blockSize + 1) * blockSize;
        var padded = new byte[length];
        data.CopyTo(padded);
        padded[data.Length] = 0x80;
        return padded;
    }

    /// <summary>Removes the padding; null when the data is not padded this way.</summary>
    public static byte[]? Unpad(ReadOnlySpan<byte> data)
    {
        var i = data.Length - 1;
        while (i >= 0 && data[i] == 0)
        {
            i--;
        }

        return i >= 0 && data[i] == 0x80 ? data[..i].ToArray() : null;
    }
}
