using Gateway.Imaging.Internal;
using OpenCvSharp;

namespace Gateway.Imaging.Tests.Internal;

public sealed class ImageHeaderTests
{
    [Theory]
    [InlineData(".png")]
    [InlineData(".jpg")]
    [InlineData(".bmp")]
    public void TryReadSize_EncodedImage_ReadsWidthAndHeight(string extension)
    {
        using var image = new Mat(37, 53, MatType.CV_8UC3, Scalar.Gray);
        Assert.True(ImageHeader.TryReadSize(image.ImEncode(extension), out var width, out var height));
        Assert.Equal((53L, 37L), (width, height));
    }

    [Fact]
    public void TryReadSize_UnknownOrShort_ReturnsFalse()
    {
        Assert.False(ImageHeader.TryReadSize("GIF89a"u8, out _, out _));
        Assert.False(ImageHeader.TryReadSize([0xFF, 0xD8, 0xFF], out _, out _));
    }
}
