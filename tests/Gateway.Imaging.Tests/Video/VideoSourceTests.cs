using Gateway.Imaging.TestMedia.Portraits;
using Gateway.Imaging.Video;

namespace Gateway.Imaging.Tests.Video;

public sealed class VideoSourceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gateway-video-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("0", VideoSourceKind.CameraIndex)]
    [InlineData("/dev/video2", VideoSourceKind.DevicePath)]
    [InlineData("rtsp://10.0.0.5/stream1", VideoSourceKind.Url)]
    [InlineData("http://127.0.0.1:8080/video.mjpg", VideoSourceKind.Url)]
    [InlineData("frames/%03d.png", VideoSourceKind.ImageSequence)]
    [InlineData("booth.avi", VideoSourceKind.File)]
    public void KindOf_NamesTheSource(string source, VideoSourceKind kind)
    {
        Assert.Equal(kind, VideoSource.KindOf(source));
    }

    [Fact]
    public void Open_AviWithAnotherSizeRequested_ReadsBackWhatTheFileDelivers()
    {
        var path = TestVideos.WriteAvi(Path.Combine(_folder, "clip.avi"), TestVideos.Numbered(5, 320, 240), fps: 12);

        using var source = VideoSource.Open(new VideoSourceRequest(path) { Width = 1280, Height = 720, Fps = 30, FourCc = "YUYV" });

        Assert.Equal((320, 240, 12.0), (source.Actual.Width, source.Actual.Height, source.Actual.Fps));
        Assert.Equal("MJPG", source.Actual.FourCc);
        Assert.True(source.Ends);
        var frame = source.Read();
        Assert.NotNull(frame);
        Assert.Equal((320, 240, PixelFormat.Bgr24), (frame.Width, frame.Height, frame.Format));
    }

    [Fact]
    public void Read_ImageSequence_DeliversEveryFrameThenNull()
    {
        var pattern = TestVideos.WriteSequence(Path.Combine(_folder, "frames"), TestVideos.Numbered(4, 200, 100));

        using var source = VideoSource.Open(new VideoSourceRequest(pattern));
        var count = 0;
        while (source.Read() is { } frame)
        {
            Assert.Equal((200, 100), (frame.Width, frame.Height));
            count++;
        }

        Assert.Equal(4, count);
        Assert.Equal(VideoSourceKind.ImageSequence, source.Kind);
    }

    [Fact]
    public void Rewind_AfterTheEnd_PlaysTheFileAgain()
    {
        var path = TestVideos.WriteAvi(Path.Combine(_folder, "clip.avi"), TestVideos.Numbered(3));
        using var source = VideoSource.Open(new VideoSourceRequest(path));
        while (source.Read() is not null)
        {
        }

        Assert.True(source.Rewind());
        Assert.NotNull(source.Read());
    }

    [Fact]
    public void Open_MissingFile_ThrowsWithCode()
    {
        var ex = Assert.Throws<VideoSourceException>(() => VideoSource.Open(new VideoSourceRequest(Path.Combine(_folder, "none.avi"))));
        Assert.Equal("camera.source_missing", ex.Code);
    }

    [Fact]
    public void Open_NotAVideo_ThrowsOpenFailed()
    {
        var path = Path.Combine(_folder, "text.avi");
        File.WriteAllText(path, "not a video");

        var ex = Assert.Throws<VideoSourceException>(() => VideoSource.Open(new VideoSourceRequest(path)));
        Assert.Equal("camera.open_failed", ex.Code);
    }
}
