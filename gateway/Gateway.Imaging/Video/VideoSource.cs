using System.Globalization;
using Gateway.Imaging.Internal;
using OpenCvSharp;

namespace Gateway.Imaging.Video;

/// <summary>
/// A camera, stream, video file or image sequence opened with OpenCV's VideoCapture. Not thread-safe: one thread
/// reads it (the camera driver's frame pump).
/// </summary>
public sealed class VideoSource : IDisposable
{
    private readonly VideoCapture _capture;
    private readonly Mat _buffer = new();

    private VideoSource(VideoCapture capture, VideoSourceKind kind, VideoFormat actual)
    {
        _capture = capture;
        Kind = kind;
        Actual = actual;
    }

    /// <summary>What kind of source this is.</summary>
    public VideoSourceKind Kind { get; }

    /// <summary>The format the source delivers, read back after the request was applied.</summary>
    public VideoFormat Actual { get; }

    /// <summary>Whether the source plays out and ends (a file or an image sequence) rather than running live.</summary>
    public bool Ends => Kind is VideoSourceKind.File or VideoSourceKind.ImageSequence;

    /// <summary>Which kind of source <paramref name="source"/> names.</summary>
    /// <param name="source">The source text of a <see cref="VideoSourceRequest"/>.</param>
    public static VideoSourceKind KindOf(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Length > 0 && source.All(char.IsAsciiDigit))
        {
            return VideoSourceKind.CameraIndex;
        }

        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "rtsp" or "rtsps" or "http" or "https" or "rtmp" or "udp" or "tcp")
        {
            return VideoSourceKind.Url;
        }

        if (source.Contains('%', StringComparison.Ordinal))
        {
            return VideoSourceKind.ImageSequence;
        }

        return source.StartsWith("/dev/", StringComparison.Ordinal) ? VideoSourceKind.DevicePath : VideoSourceKind.File;
    }

    /// <summary>
    /// Opens a source and applies the requested format in the order V4L2, DirectShow and Media Foundation accept it:
    /// pixel format first (it decides which sizes exist), then width and height, then frame rate; then reads back what
    /// the source actually delivers.
    /// </summary>
    /// <param name="request">What to open and the format wanted.</param>
    /// <exception cref="VideoSourceException">The source does not exist or cannot be opened.</exception>
    public static VideoSource Open(VideoSourceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kind = KindOf(request.Source);
        if (kind == VideoSourceKind.File && !File.Exists(request.Source))
        {
            throw new VideoSourceException("camera.source_missing", $"The video file '{request.Source}' does not exist.");
        }

        if (kind == VideoSourceKind.DevicePath && !File.Exists(request.Source))
        {
            throw new VideoSourceException("camera.source_missing", $"The camera device '{request.Source}' does not exist (unplugged?).");
        }

        var capture = new VideoCapture();
        try
        {
            var opened = kind switch
            {
                VideoSourceKind.CameraIndex => capture.Open(int.Parse(request.Source, CultureInfo.InvariantCulture), CameraBackend),
                VideoSourceKind.DevicePath => capture.Open(request.Source, VideoCaptureAPIs.V4L2),
                VideoSourceKind.ImageSequence => capture.Open(request.Source, VideoCaptureAPIs.IMAGES),
                VideoSourceKind.Url => capture.Open(request.Source, VideoCaptureAPIs.FFMPEG),
                _ => capture.Open(request.Source, VideoCaptureAPIs.ANY),
            };
            if (!opened || !capture.IsOpened())
            {
                throw new VideoSourceException("camera.open_failed", $"OpenCV could not open the {kind} source.");
            }

            if (kind is VideoSourceKind.CameraIndex or VideoSourceKind.DevicePath or VideoSourceKind.Url)
            {
                Apply(capture, request);
            }

            return new VideoSource(capture, kind, ReadBack(capture));
        }
        catch (OpenCVException ex)
        {
            capture.Dispose();
            throw new VideoSourceException("camera.open_failed", "OpenCV failed to open the source: " + ex.Message, ex);
        }
        catch
        {
            capture.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next frame (colour, BGR); null when the source gave none (it ended, or the camera is gone).</summary>
    /// <exception cref="VideoSourceException">OpenCV failed while reading.</exception>
    public Frame? Read()
    {
        try
        {
            if (!_capture.Read(_buffer) || _buffer.Empty())
            {
                return null;
            }

            if (_buffer.Channels() == 3)
            {
                return OpenCvFrames.ToFrame(_buffer);
            }

            using var bgr = new Mat();
            Cv2.CvtColor(_buffer, bgr, _buffer.Channels() == 4 ? ColorConversionCodes.BGRA2BGR : ColorConversionCodes.GRAY2BGR);
            return OpenCvFrames.ToFrame(bgr);
        }
        catch (OpenCVException ex)
        {
            throw new VideoSourceException("camera.read_failed", "OpenCV failed to read a frame: " + ex.Message, ex);
        }
    }

    /// <summary>Goes back to the first frame of a file or image sequence (training mode loops its video).</summary>
    /// <returns>False when the source cannot seek.</returns>
    public bool Rewind() => Ends && _capture.Set(VideoCaptureProperties.PosFrames, 0);

    /// <inheritdoc />
    public void Dispose()
    {
        _buffer.Dispose();
        _capture.Dispose();
    }

    private static VideoCaptureAPIs CameraBackend =>
        OperatingSystem.IsWindows() ? VideoCaptureAPIs.MSMF : OperatingSystem.IsLinux() ? VideoCaptureAPIs.V4L2 : VideoCaptureAPIs.ANY;

    private static void Apply(VideoCapture capture, VideoSourceRequest request)
    {
        // The order matters: V4L2 offers sizes per pixel format, and DirectShow/MSMF renegotiate the media type on each
        // set, so the pixel format goes first and the frame rate last (it depends on the size).
        if (request.FourCc.Length == 4)
        {
            capture.Set(VideoCaptureProperties.FourCC, FourCC.FromString(request.FourCc));
        }

        if (request.Width > 0)
        {
            capture.Set(VideoCaptureProperties.FrameWidth, request.Width);
        }

        if (request.Height > 0)
        {
            capture.Set(VideoCaptureProperties.FrameHeight, request.Height);
        }

        if (request.Fps > 0)
        {
            capture.Set(VideoCaptureProperties.Fps, request.Fps);
        }
    }

    private static VideoFormat ReadBack(VideoCapture capture)
    {
        var code = (int)capture.Get(VideoCaptureProperties.FourCC);
        var fourCc = code == 0 ? string.Empty : new string([.. Enumerable.Range(0, 4).Select(i => (char)((code >> (8 * i)) & 0xFF))]).Trim('\0', ' ');
        if (fourCc.Any(c => c < ' ' || c > '~'))
        {
            fourCc = string.Empty;
        }

        return new VideoFormat(
            (int)capture.Get(VideoCaptureProperties.FrameWidth),
            (int)capture.Get(VideoCaptureProperties.FrameHeight),
            Math.Round(capture.Get(VideoCaptureProperties.Fps), 2),
            fourCc,
            capture.GetBackendName());
    }
}
