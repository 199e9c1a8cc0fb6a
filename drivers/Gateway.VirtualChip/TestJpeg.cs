namespace Gateway.VirtualChip;

/// <summary>
/// A valid baseline JPEG of a uniform grey image, written by hand: one quantisation table, Huffman tables with a single
/// one-bit code each (DC difference 0, end of block), so every 8×8 block is two zero bits. A comment segment pads the file
/// to a realistic portrait size (DG2 images are typically 12–20 KB), which decoders skip.
/// </summary>
public static class TestJpeg
{
    public static byte[] Create(int width, int height, int size)
    {
        var output = new List<byte> { 0xFF, 0xD8 };
        output.AddRange([0xFF, 0xDB, 0x00, 0x43, 0x00]);
        output.AddRange(Enumerable.Repeat((byte)1, 64));
        output.AddRange([0xFF, 0xC0, 0x00, 0x0B, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x01, 0x01, 0x11, 0x00]);
        foreach (var tableClass in new byte[] { 0x00, 0x10 })
        {
            output.AddRange([0xFF, 0xC4, 0x00, 0x14, tableClass, 0x01]);
            output.AddRange(new byte[15]);
            output.Add(0x00);
        }

        var filler = Math.Max(0, size - output.Count - 30 - (width + 7) / 8 * ((height + 7) / 8) / 4);
        var random = new Random(9303);
        while (filler > 4)
        {
            var chunk = Math.Min(filler - 4, 65000);
            output.AddRange([0xFF, 0xFE, (byte)((chunk + 2) >> 8), (byte)(chunk + 2)]);
            var bytes = new byte[chunk];
            random.NextBytes(bytes);
            output.AddRange(bytes);
            filler -= chunk + 4;
        }

        output.AddRange([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
        var blocks = (width + 7) / 8 * ((height + 7) / 8);
        var bits = blocks * 2;
        output.AddRange(new byte[bits / 8]);
        if (bits % 8 != 0)
        {
            output.Add((byte)(0xFF >> (bits % 8)));
        }

        output.AddRange([0xFF, 0xD9]);
        return [.. output];
    }
}
