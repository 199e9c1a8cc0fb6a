using System.Buffers.Binary;

namespace Gateway.Imaging.Internal;

/// <summary>
/// Reads an image's size from its header, so an oversized image is refused before its pixels are allocated.
/// PNG, JPEG and BMP; other formats are left to the decoder's own limit.
/// </summary>
internal static class ImageHeader
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool TryReadSize(ReadOnlySpan<byte> data, out long width, out long height)
    {
        width = height = 0;
        if (data.Length >= 24 && data[..8].SequenceEqual(PngSignature))
        {
            width = BinaryPrimitives.ReadUInt32BigEndian(data[16..]);
            height = BinaryPrimitives.ReadUInt32BigEndian(data[20..]);
            return true;
        }

        if (data.Length >= 26 && data[0] == (byte)'B' && data[1] == (byte)'M')
        {
            width = Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(data[18..]));
            height = Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(data[22..]));
            return true;
        }

        return data.Length >= 4 && data[0] == 0xFF && data[1] == 0xD8 && TryReadJpegSize(data, out width, out height);
    }

    private static bool TryReadJpegSize(ReadOnlySpan<byte> data, out long width, out long height)
    {
        width = height = 0;
        var i = 2;
        while (i + 9 < data.Length)
        {
            if (data[i] != 0xFF)
            {
                return false;
            }

            var marker = data[i + 1];
            if (marker is 0xFF)
            {
                i++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 2)..]);
            // Start-of-frame markers C0–CF, except C4 (Huffman tables), C8 (reserved) and CC (arithmetic coding).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                height = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 5)..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 7)..]);
                return true;
            }

            i += 2 + length;
        }

        return false;
    }
}
