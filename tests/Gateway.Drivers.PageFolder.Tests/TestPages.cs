using System.Buffers.Binary;
using System.IO.Hashing;
using OpenCvSharp;

namespace Gateway.Drivers.PageFolder.Tests;

/// <summary>Generated page images (noise and a few bars, no personal data), encoded by OpenCV.</summary>
internal static class TestPages
{
    public static byte[] Png(int seed, int width = 240, int height = 160) => Encode(".png", seed, width, height);

    public static byte[] Jpeg(int seed, int width = 240, int height = 160) => Encode(".jpg", seed, width, height);

    /// <summary>The PNG with a pHYs chunk (pixels per metre) after its IHDR, as scanner software writes its resolution.</summary>
    public static byte[] WithPpi(byte[] png, int ppi)
    {
        var perMetre = (uint)Math.Round(ppi / 0.0254);
        var chunk = new byte[21];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, 9);
        "pHYs"u8.CopyTo(chunk.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8), perMetre);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(12), perMetre);
        chunk[16] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(17), Crc32.HashToUInt32(chunk.AsSpan(4, 13)));
        const int afterIhdr = 8 + 25;
        return [.. png.AsSpan(0, afterIhdr), .. chunk, .. png.AsSpan(afterIhdr)];
    }

    private static byte[] Encode(string extension, int seed, int width, int height)
    {
        using var image = new Mat(height, width, MatType.CV_8UC3, Scalar.All(230));
        var random = new Random(seed);
        for (var i = 0; i < 12; i++)
        {
            var y = random.Next(height);
            Cv2.Rectangle(image, new Rect(random.Next(width / 2), y, random.Next(10, width / 2), 4), Scalar.All(random.Next(80)), -1);
        }

        return image.ToBytes(extension);
    }
}
