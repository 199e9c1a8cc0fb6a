using Gateway.Imaging;
using Gateway.Imaging.Video;

namespace Gateway.Drivers.Camera.Internal;

/// <summary>Where the pump gets frames: a <see cref="VideoSource"/>, or a fake in tests.</summary>
internal interface IFrameSource : IDisposable
{
    /// <summary>What kind of source it is (index, device, URL, file, image sequence).</summary>
    VideoSourceKind Kind { get; }

    /// <summary>The format it delivers, as read back.</summary>
    VideoFormat Format { get; }

    /// <summary>Whether it plays out (a file or an image sequence).</summary>
    bool Ends { get; }

    /// <summary>The next frame; null when the source ended or is gone. Blocks until a live camera delivers.</summary>
    Frame? Read();

    /// <summary>Back to the first frame; false when the source cannot.</summary>
    bool Rewind();
}

/// <summary>The real source: OpenCV's VideoCapture behind <see cref="VideoSource"/>.</summary>
internal sealed class VideoFrameSource(VideoSource source) : IFrameSource
{
    public VideoSourceKind Kind => source.Kind;

    public VideoFormat Format => source.Actual;

    public bool Ends => source.Ends;

    public Frame? Read() => source.Read();

    public bool Rewind() => source.Rewind();

    public void Dispose() => source.Dispose();
}
