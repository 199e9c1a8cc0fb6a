using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using Gateway.Drivers.Simulated.Internal;

namespace Gateway.Drivers.Simulated.Tests.Internal;

public sealed class PngTests
{
    [Fact]
    public void Encode_Grey_WritesChunksWithValidCrcAndTheRawRows()
    {
        byte[] pixels = [0, 64, 128, 255, 1, 2];

        var png = Png.Encode(pixels, 3, 2, colour: false);

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var chunks = Chunks(png).ToList();
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Select(c => c.Type));
        Assert.Equal(3, BinaryPrimitives.ReadInt32BigEndian(chunks[0].Data));
        Assert.Equal(2, BinaryPrimitives.ReadInt32BigEndian(chunks[0].Data.AsSpan(4)));
        using var inflated = new ZLibStream(new MemoryStream(chunks[1].Data), CompressionMode.Decompress);
        using var rows = new MemoryStream();
        inflated.CopyTo(rows);
        Assert.Equal(new byte[] { 0, 0, 64, 128, 0, 255, 1, 2 }, rows.ToArray());
    }

    [Fact]
    public void Encode_WrongBufferSize_Throws() =>
        Assert.Throws<ArgumentException>(() => Png.Encode(new byte[5], 3, 2, colour: false));

    private static IEnumerable<(string Type, byte[] Data)> Chunks(byte[] png)
    {
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length).ToArray();
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.Equal(Crc32.HashToUInt32(png.AsSpan(offset + 4, 4 + length)), crc);
            yield return (type, data);
            offset += 12 + length;
        }
    }
}
