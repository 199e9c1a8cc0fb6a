namespace Gateway.Imaging.Video;

/// <summary>What kind of source a <see cref="VideoSourceRequest.Source"/> names.</summary>
public enum VideoSourceKind
{
    /// <summary>A camera by index (<c>0</c>).</summary>
    CameraIndex = 1,

    /// <summary>A camera by device path (<c>/dev/video0</c>).</summary>
    DevicePath = 2,

    /// <summary>A network stream (<c>rtsp://</c>, <c>http://</c>, <c>https://</c>).</summary>
    Url = 3,

    /// <summary>A video file: it ends.</summary>
    File = 4,

    /// <summary>An image sequence such as <c>frames/%03d.png</c>: it ends.</summary>
    ImageSequence = 5,
}
