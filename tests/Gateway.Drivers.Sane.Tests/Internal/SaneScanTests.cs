using Gateway.Drivers.Sane.Internal;
using OpenCvSharp;

namespace Gateway.Drivers.Sane.Tests.Internal;

/// <summary>Frame assembly for the sample depths and layouts the test backend does not produce by default.</summary>
public sealed class SaneScanTests
{
    [Fact]
    public void Assemble_Depth1_OneBitsAreBlackAndLinePaddingIsSkipped()
    {
        // 10 pixels per line in 2 bytes plus 1 padding byte; 1 = black.
        var parameters = new SaneParameters { Format = SaneFrame.Gray, LastFrame = 1, BytesPerLine = 3, PixelsPerLine = 10, Lines = 2, Depth = 1 };
        byte[] data = [0b1000_0000, 0b0100_0000, 0xFF, 0xFF, 0xC0, 0xFF];

        var image = SaneScan.Assemble([(parameters, data)]);

        Assert.Equal((10, 2, 1), (image.Width, image.Height, image.Channels));
        Assert.Equal([0, 255, 255, 255, 255, 255, 255, 255, 255, 0], image.Pixels[..10]);
        Assert.All(image.Pixels[10..], p => Assert.Equal(0, p));
    }

    [Fact]
    public void Assemble_Depth16_KeepsTheHighByte()
    {
        var parameters = new SaneParameters { Format = SaneFrame.Rgb, LastFrame = 1, BytesPerLine = 6, PixelsPerLine = 1, Lines = 1, Depth = 16 };
        var data = new byte[6];
        BitConverter.TryWriteBytes(data.AsSpan(0), (ushort)0x1234);
        BitConverter.TryWriteBytes(data.AsSpan(2), (ushort)0xABCD);
        BitConverter.TryWriteBytes(data.AsSpan(4), (ushort)0xFF00);

        var image = SaneScan.Assemble([(parameters, data)]);

        Assert.Equal([0x12, 0xAB, 0xFF], image.Pixels);
    }

    [Fact]
    public void Encode_RgbImage_DecodesToTheSamePixelsWithItsResolution()
    {
        var pixels = Enumerable.Range(0, 7 * 5 * 3).Select(i => (byte)(i * 7)).ToArray();

        var png = PngWriter.Encode(new ScannedImage(pixels, 7, 5, 3), 300);

        using var decoded = Cv2.ImDecode(png, ImreadModes.Unchanged);
        Assert.Equal((7, 5, 3), (decoded.Width, decoded.Height, decoded.Channels()));
        using var rgb = decoded.CvtColor(ColorConversionCodes.BGR2RGB);
        Assert.True(rgb.GetArray(out Vec3b[] values));
        Assert.Equal(pixels, values.SelectMany(v => new[] { v.Item0, v.Item1, v.Item2 }).ToArray());
        var physical = png.AsSpan().IndexOf("pHYs"u8);
        Assert.Equal(11811u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(physical + 4))); // 300 ppi in pixels per metre
    }
}
