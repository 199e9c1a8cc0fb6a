using Gateway.Imaging.TestMedia.Portraits;

namespace Gateway.Imaging.Tests;

public sealed class FrameJpegTests
{
    [Fact]
    public void EncodeJpeg_WithMaxWidth_ReducesKeepingTheAspectRatio()
    {
        var frame = Frame.FromPixels(1280, 720, PixelFormat.Bgr24, new byte[1280 * 720 * 3]);

        var jpeg = frame.EncodeJpeg(quality: 70, maxWidth: 640);

        Assert.Equal((640, 360), (jpeg.Width, jpeg.Height));
        var decoded = Frame.Decode(jpeg.Data);
        Assert.Equal((640, 360), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void EncodeJpeg_NarrowerThanMaxWidth_KeepsTheSize()
    {
        var frame = PortraitScenes.FrameOf(PortraitScenes.Good with { Width = 320, Height = 240 });

        var jpeg = frame.EncodeJpeg(maxWidth: 640);

        Assert.Equal((320, 240), (jpeg.Width, jpeg.Height));
        Assert.Equal(0xFF, jpeg.Data[0]);
        Assert.Equal(0xD8, jpeg.Data[1]);
    }
}
