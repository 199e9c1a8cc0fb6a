using System.Buffers.Binary;
using System.IO.Hashing;

namespace Gateway.Drivers.PageFolder.Internal;

/// <summary>What a look at an image file's structure found.</summary>
internal enum ImageVerdict
{
    /// <summary>A whole PNG or JPEG.</summary>
    Complete,

    /// <summary>The file ends before the image does: still being written, or its writer died.</summary>
    Truncated,

    /// <summary>The bytes are not a PNG or JPEG (or a PNG chunk fails its CRC).</summary>
    Corrupt,

    /// <summary>A TIFF: a format scanners write that the gateway's pages do not carry.</summary>
    Unsupported,
}

/// <summary>The structure of an image file, read without decoding its pixels.</summary>
/// <param name="Verdict">Whether the file is whole.</param>
/// <param name="Format">PNG or JPEG, when <see cref="ImageVerdict.Complete"/>.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Ppi">Resolution from the header (PNG pHYs, JPEG JFIF density); 0 when it gives none.</param>
/// <param name="Reason">Why the file is not complete, for the technician.</param>
internal readonly record struct ImageInfo(ImageVerdict Verdict, ImageFormat Format, int Width, int Height, int Ppi, string Reason)
{
    public static ImageInfo Truncated(string reason) => new(ImageVerdict.Truncated, default, 0, 0, 0, reason);

    public static ImageInfo Corrupt(string reason) => new(ImageVerdict.Corrupt, default, 0, 0, 0, reason);
}

/// <summary>
/// Reads PNG and JPEG structure: PNG chunk by chunk (lengths, CRCs, IHDR, pHYs, IEND), JPEG marker by marker (SOF,
/// JFIF density, and the end-of-image marker after the scan). Enough to tell a finished file from one still being
/// written or a damaged one, in microseconds, without an image library in the driver package.
/// </summary>
internal static class ImageInspector
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static ImageInfo Inspect(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 2 && data[0] == 0xFF && data[1] == 0xD8)
        {
            return InspectJpeg(data);
        }

        var prefix = Math.Min(data.Length, PngSignature.Length);
        if (data[..prefix].SequenceEqual(PngSignature.AsSpan(0, prefix)))
        {
            return data.Length < PngSignature.Length ? ImageInfo.Truncated("the file ends inside the PNG signature") : InspectPng(data);
        }

        if (data.Length >= 4 && (data[..4].SequenceEqual("II*\0"u8) || data[..4].SequenceEqual("MM\0*"u8)))
        {
            return new ImageInfo(ImageVerdict.Unsupported, default, 0, 0, 0, "TIFF is not read: set the scanner software to save PNG or JPEG");
        }

        return data.Length == 0 ? ImageInfo.Truncated("the file is empty") : ImageInfo.Corrupt("the file is neither a PNG nor a JPEG image");
    }

    private static ImageInfo InspectPng(ReadOnlySpan<byte> data)
    {
        var (width, height, ppi) = (0, 0, 0);
        var offset = PngSignature.Length;
        while (true)
        {
            if (offset + 12 > data.Length)
            {
                return ImageInfo.Truncated($"the PNG ends at byte {data.Length}, before its IEND chunk");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);
            if (length > int.MaxValue - 12)
            {
                return ImageInfo.Corrupt($"a PNG chunk at byte {offset} has an impossible length");
            }

            var end = offset + 12 + (int)length;
            if (end > data.Length)
            {
                return ImageInfo.Truncated($"the PNG ends at byte {data.Length}, inside a chunk that ends at byte {end}");
            }

            var type = data.Slice(offset + 4, 4);
            var body = data.Slice(offset + 8, (int)length);
            if (Crc32.HashToUInt32(data.Slice(offset + 4, 4 + (int)length)) != BinaryPrimitives.ReadUInt32BigEndian(data[(end - 4)..]))
            {
                return ImageInfo.Corrupt($"the PNG chunk {System.Text.Encoding.ASCII.GetString(type)} at byte {offset} fails its CRC");
            }

            if (offset == PngSignature.Length)
            {
                if (!type.SequenceEqual("IHDR"u8) || length < 13)
                {
                    return ImageInfo.Corrupt("the PNG does not start with its IHDR chunk");
                }

                width = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(body), int.MaxValue);
                height = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(body[4..]), int.MaxValue);
            }
            else if (type.SequenceEqual("pHYs"u8) && length >= 9 && body[8] == 1)
            {
                // Pixels per metre; 1 inch = 0.0254 m.
                ppi = (int)Math.Round(BinaryPrimitives.ReadUInt32BigEndian(body) * 0.0254);
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                return width > 0 && height > 0
                    ? new ImageInfo(ImageVerdict.Complete, ImageFormat.Png, width, height, ppi, string.Empty)
                    : ImageInfo.Corrupt("the PNG has no size");
            }

            offset = end;
        }
    }

    private static ImageInfo InspectJpeg(ReadOnlySpan<byte> data)
    {
        var (width, height, ppi) = (0, 0, 0);
        var offset = 2;
        while (true)
        {
            if (offset + 4 > data.Length)
            {
                return ImageInfo.Truncated($"the JPEG ends at byte {data.Length}, in its header");
            }

            if (data[offset] != 0xFF)
            {
                return ImageInfo.Corrupt($"the JPEG has no marker at byte {offset}");
            }

            var marker = data[offset + 1];
            if (marker == 0xFF)
            {
                offset++; // fill byte
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 2)..]);
            if (length < 2)
            {
                return ImageInfo.Corrupt($"the JPEG segment at byte {offset} has an impossible length");
            }

            if (offset + 2 + length > data.Length)
            {
                return ImageInfo.Truncated($"the JPEG ends at byte {data.Length}, inside a header segment");
            }

            var body = data.Slice(offset + 4, length - 2);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC && body.Length >= 5)
            {
                height = BinaryPrimitives.ReadUInt16BigEndian(body[1..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(body[3..]);
            }
            else if (marker == 0xE0 && body.Length >= 12 && body[..5].SequenceEqual("JFIF\0"u8))
            {
                var density = BinaryPrimitives.ReadUInt16BigEndian(body[8..]);
                ppi = body[7] switch
                {
                    1 => density,
                    2 => (int)Math.Round(density * 2.54),
                    _ => 0,
                };
            }
            else if (marker == 0xDA)
            {
                // The entropy-coded scan follows; a finished file ends with the end-of-image marker.
                var tail = data.TrimEnd((byte)0);
                if (tail.Length < 2 || tail[^2] != 0xFF || tail[^1] != 0xD9)
                {
                    return ImageInfo.Truncated($"the JPEG ends at byte {data.Length} without its end-of-image marker");
                }

                return width > 0 && height > 0
                    ? new ImageInfo(ImageVerdict.Complete, ImageFormat.Jpeg, width, height, ppi, string.Empty)
                    : ImageInfo.Corrupt("the JPEG has no frame header (size)");
            }

            offset += 2 + length;
        }
    }
}
