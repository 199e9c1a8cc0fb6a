using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Gateway.Drivers.Sane.Internal;

/// <summary>Encodes 8-bit grey or RGB pixels as PNG (no filter, zlib), with the resolution in a pHYs chunk.</summary>
internal static class PngWriter
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Encode(ScannedImage image, int ppi)
    {
        using var output = new MemoryStream();
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], image.Height);
        header[8] = 8; // bits per sample
        header[9] = image.Channels == 3 ? (byte)2 : (byte)0; // truecolour or greyscale
        WriteChunk(output, "IHDR"u8, header);

        if (ppi > 0)
        {
            Span<byte> physical = stackalloc byte[9];
            var perMetre = (uint)Math.Round(ppi / 0.0254);
            BinaryPrimitives.WriteUInt32BigEndian(physical, perMetre);
            BinaryPrimitives.WriteUInt32BigEndian(physical[4..], perMetre);
            physical[8] = 1; // unit: metre
            WriteChunk(output, "pHYs"u8, physical);
        }

        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                var stride = image.Width * image.Channels;
                for (var y = 0; y < image.Height; y++)
                {
                    zlib.WriteByte(0); // filter: none
                    zlib.Write(image.Pixels, y * stride, stride);
                }
            }

            WriteChunk(output, "IDAT"u8, compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        }

        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        var crc = new Crc32();
        crc.Append(type);
        crc.Append(data);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc.GetCurrentHashAsUInt32());
        output.Write(word);
    }
}
