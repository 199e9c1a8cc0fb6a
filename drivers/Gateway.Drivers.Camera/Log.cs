using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.Camera;

/// <summary>Every log message of the camera driver; event ids 12xx. Images and what documents say are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(1200, LogLevel.Information, "Camera open: {Kind}, {Format} (asked {Width}×{Height} @ {Fps} fps {PixelFormat}), mode {Mode}")]
    public static partial void Opened(ILogger logger, string kind, string format, int width, int height, double fps, string pixelFormat, CameraMode mode);

    [LoggerMessage(1201, LogLevel.Information, "Portrait captured automatically after {Frames} good frames (frame {Number})")]
    public static partial void AutoCaptured(ILogger logger, int frames, long number);

    [LoggerMessage(1202, LogLevel.Information, "Document frame reading {Reader} stable after {Frames} frames: {Kind}")]
    public static partial void DocumentRead(ILogger logger, string reader, int frames, CaptureKind kind);

    [LoggerMessage(1203, LogLevel.Information, "Camera source stopped: {End} after {Grabbed} frames ({Dropped} dropped by the analysis)")]
    public static partial void SourceStopped(ILogger logger, string end, long grabbed, long dropped);

    [LoggerMessage(1204, LogLevel.Warning, "Document frame reader {Reader} failed on a frame")]
    public static partial void ReaderFailed(ILogger logger, string reader, Exception exception);
}
