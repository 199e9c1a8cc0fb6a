namespace Gateway.Imaging.Video;

/// <summary>What to open and the format to ask it for. The source decides what it actually delivers.</summary>
/// <param name="Source">
/// A camera index (<c>0</c>), a device path (<c>/dev/video0</c>), a stream URL (<c>rtsp://…</c>, <c>http://…</c>),
/// a video file (<c>booth.avi</c>) or an image sequence (<c>frames/%03d.png</c>).
/// </param>
public sealed record VideoSourceRequest(string Source)
{
    /// <summary>Requested width in pixels; 0 keeps the source's own.</summary>
    public int Width { get; init; }

    /// <summary>Requested height in pixels; 0 keeps the source's own.</summary>
    public int Height { get; init; }

    /// <summary>Requested frames per second; 0 keeps the source's own.</summary>
    public double Fps { get; init; }

    /// <summary>Requested pixel format as a four-character code (<c>MJPG</c>, <c>YUYV</c>); empty keeps the source's own.</summary>
    public string FourCc { get; init; } = string.Empty;
}
