using Gateway.Drivers.PageFolder.Internal;

namespace Gateway.Drivers.PageFolder.Tests.Internal;

public sealed class ImageInspectorTests
{
    [Fact]
    public void Inspect_EveryPrefixOfAPng_IsTruncatedNeverCompleteOrCorrupt()
    {
        var png = TestPages.Png(1, 64, 48);

        for (var length = 0; length < png.Length; length++)
        {
            Assert.Equal(ImageVerdict.Truncated, ImageInspector.Inspect(png.AsSpan(0, length)).Verdict);
        }

        Assert.Equal((ImageVerdict.Complete, 64, 48, 0), Inspect(png));
    }

    [Fact]
    public void Inspect_EveryPrefixOfAJpeg_IsTruncatedNeverComplete()
    {
        var jpeg = TestPages.Jpeg(2, 64, 48);

        for (var length = 0; length < jpeg.Length; length++)
        {
            Assert.NotEqual(ImageVerdict.Complete, ImageInspector.Inspect(jpeg.AsSpan(0, length)).Verdict);
        }

        Assert.Equal(ImageVerdict.Complete, ImageInspector.Inspect(jpeg).Verdict);
        Assert.Equal((ImageFormat.Jpeg, 64, 48), (ImageInspector.Inspect(jpeg).Format, ImageInspector.Inspect(jpeg).Width, ImageInspector.Inspect(jpeg).Height));
    }

    [Fact]
    public void Inspect_PngWithPhys_ReadsItsResolution()
    {
        Assert.Equal((ImageVerdict.Complete, 64, 48, 1200), Inspect(TestPages.WithPpi(TestPages.Png(3, 64, 48), 1200)));
    }

    [Fact]
    public void Inspect_JpegWithJfifDensityInDotsPerInch_ReadsItsResolution()
    {
        var jpeg = TestPages.Jpeg(4, 64, 48);
        Assert.True(jpeg.AsSpan(6, 5).SequenceEqual("JFIF\0"u8), "OpenCV writes a JFIF APP0 segment first.");
        (jpeg[13], jpeg[14], jpeg[15]) = (1, 0x01, 0x90); // units: dots per inch; X density 400

        Assert.Equal(400, ImageInspector.Inspect(jpeg).Ppi);
    }

    [Fact]
    public void Inspect_FlippedByteInAPng_IsCorruptAndSaysWhere()
    {
        var png = TestPages.Png(5, 64, 48);
        png[^20] ^= 0x55;

        var info = ImageInspector.Inspect(png);

        Assert.Equal(ImageVerdict.Corrupt, info.Verdict);
        Assert.Contains("fails its CRC", info.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GIF89a....")]
    [InlineData("%PDF-1.7")]
    public void Inspect_OtherFormats_AreCorrupt(string start)
    {
        Assert.Equal(ImageVerdict.Corrupt, ImageInspector.Inspect(System.Text.Encoding.ASCII.GetBytes(start)).Verdict);
    }

    private static (ImageVerdict, int, int, int) Inspect(byte[] data)
    {
        var info = ImageInspector.Inspect(data);
        return (info.Verdict, info.Width, info.Height, info.Ppi);
    }
}
