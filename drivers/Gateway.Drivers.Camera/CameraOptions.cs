using System.ComponentModel.DataAnnotations;
using Gateway.Imaging.Portraits;

namespace Gateway.Drivers.Camera;

/// <summary>Settings of the <c>camera</c> driver (a device's <c>Settings</c> section). Defaults are on each property.</summary>
public sealed record CameraOptions : IValidatableObject
{
    /// <summary>
    /// What to open: a camera index (<c>0</c>), a device path (<c>/dev/video0</c>), a stream URL (<c>rtsp://…</c>,
    /// <c>http://…</c>), a video file or an image sequence (<c>frames/%03d.png</c>). Required.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string Source { get; set; } = string.Empty;

    /// <summary>Requested width in pixels; 0 keeps the camera's own. Default 1280. The actual width is read back and reported.</summary>
    [Range(0, 8192)]
    public int Width { get; set; } = 1280;

    /// <summary>Requested height in pixels; 0 keeps the camera's own. Default 720.</summary>
    [Range(0, 8192)]
    public int Height { get; set; } = 720;

    /// <summary>Requested frames per second; 0 keeps the camera's own. Default 30. Files play at their own rate.</summary>
    [Range(0, 240)]
    public double Fps { get; set; } = 30;

    /// <summary>Requested pixel format as a FOURCC (<c>MJPG</c>, <c>YUYV</c>); empty keeps the camera's own. Default <c>MJPG</c> (USB webcams reach 720p30 only compressed).</summary>
    public string PixelFormat { get; set; } = "MJPG";

    /// <summary><c>Portrait</c> or <c>Document</c>. Default Portrait.</summary>
    public CameraMode Mode { get; set; } = CameraMode.Portrait;

    /// <summary>Consecutive good frames (portrait: every measure passes; document: the same reading) before a capture. Default 5.</summary>
    [Range(1, 1000)]
    public int StableFrames { get; set; } = 5;

    /// <summary>After an automatic capture, the time before the next one. Default 10 s.</summary>
    public TimeSpan RecaptureAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>What happens when a file or image sequence ends: <c>Fault</c> (reopened with backoff), <c>Loop</c> or <c>Stop</c>. Default Fault.</summary>
    public EndOfSource AtEnd { get; set; } = EndOfSource.Fault;

    /// <summary>Play files at their frame rate (true) or as fast as they decode (false). Default true.</summary>
    public bool RealTime { get; set; } = true;

    /// <summary>Frames buffered between the grabbing thread and the analysis; the oldest is dropped when full. Default 2.</summary>
    [Range(1, 64)]
    public int FrameBuffer { get; set; } = 2;

    /// <summary>The frontal face Haar cascade. Default Debian opencv-data's <c>haarcascade_frontalface_default.xml</c>.</summary>
    public string CascadePath { get; set; } = new PortraitQualityOptions().FaceCascadePath;

    /// <summary>The eye Haar cascade. Default Debian opencv-data's <c>haarcascade_eye.xml</c>.</summary>
    public string EyeCascadePath { get; set; } = new PortraitQualityOptions().EyeCascadePath;

    /// <summary>Width faces are searched at. Default 400.</summary>
    [Range(160, 4096)]
    public int DetectionWidth { get; set; } = 400;

    /// <summary>Face height over frame height, smallest. Default 0.25.</summary>
    [Range(0.01, 1)]
    public double MinFaceSize { get; set; } = 0.25;

    /// <summary>Face height over frame height, largest. Default 0.70.</summary>
    [Range(0.01, 1)]
    public double MaxFaceSize { get; set; } = 0.70;

    /// <summary>Largest horizontal offset of the face centre over frame width. Default 0.10.</summary>
    [Range(0, 0.5)]
    public double MaxHorizontalOffset { get; set; } = 0.10;

    /// <summary>Largest vertical offset of the face centre over frame height. Default 0.15.</summary>
    [Range(0, 0.5)]
    public double MaxVerticalOffset { get; set; } = 0.15;

    /// <summary>Largest head roll in degrees. Default 8.</summary>
    [Range(0, 90)]
    public double MaxRollDegrees { get; set; } = 8;

    /// <summary>Smallest variance of the Laplacian of the face at 128 × 128. Default 60.</summary>
    [Range(0, 100_000)]
    public double MinSharpness { get; set; } = 60;

    /// <summary>Darkest mean grey of the face. Default 70.</summary>
    [Range(0, 255)]
    public double MinBrightness { get; set; } = 70;

    /// <summary>Brightest mean grey of the face. Default 200.</summary>
    [Range(0, 255)]
    public double MaxBrightness { get; set; } = 200;

    /// <summary>Largest share of clipped face pixels. Default 0.05.</summary>
    [Range(0, 1)]
    public double MaxClipping { get; set; } = 0.05;

    /// <summary>Smallest standard deviation of the face's grey levels. Default 25.</summary>
    [Range(0, 128)]
    public double MinContrast { get; set; } = 25;

    /// <summary>Largest standard deviation of the background beside the head. Default 25.</summary>
    [Range(0, 128)]
    public double MaxBackgroundDeviation { get; set; } = 25;

    /// <summary>Width of the token portrait (ISO/IEC 19794-5: at least 240). Default 480 (480 × 640).</summary>
    [Range(240, 4096)]
    public int TokenWidth { get; set; } = 480;

    /// <summary>JPEG quality of portraits and full frames. Default 90.</summary>
    [Range(1, 100)]
    public int JpegQuality { get; set; } = 90;

    /// <summary>Time the barcode engine may spend on one document frame. Default 300 ms.</summary>
    public TimeSpan BarcodeBudget { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>The quality gate these settings describe.</summary>
    public PortraitQualityOptions ToQualityOptions() => new()
    {
        FaceCascadePath = CascadePath,
        EyeCascadePath = EyeCascadePath,
        DetectionWidth = DetectionWidth,
        MinFaceSize = MinFaceSize,
        MaxFaceSize = MaxFaceSize,
        MaxHorizontalOffset = MaxHorizontalOffset,
        MaxVerticalOffset = MaxVerticalOffset,
        MaxRollDegrees = MaxRollDegrees,
        MinSharpness = MinSharpness,
        MinBrightness = MinBrightness,
        MaxBrightness = MaxBrightness,
        MaxClipping = MaxClipping,
        MinContrast = MinContrast,
        MaxBackgroundDeviation = MaxBackgroundDeviation,
    };

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PixelFormat.Length is not (0 or 4))
        {
            yield return new ValidationResult($"'{PixelFormat}' is not a four-character code such as MJPG or YUYV (or empty)", [nameof(PixelFormat)]);
        }

        if (MinFaceSize >= MaxFaceSize)
        {
            yield return new ValidationResult("must be less than MaxFaceSize", [nameof(MinFaceSize)]);
        }

        if (MinBrightness >= MaxBrightness)
        {
            yield return new ValidationResult("must be less than MaxBrightness", [nameof(MinBrightness)]);
        }

        if (RecaptureAfter < TimeSpan.Zero)
        {
            yield return new ValidationResult("must not be negative", [nameof(RecaptureAfter)]);
        }

        if (BarcodeBudget <= TimeSpan.Zero || BarcodeBudget > TimeSpan.FromSeconds(10))
        {
            yield return new ValidationResult("must be more than 0 and at most 00:00:10", [nameof(BarcodeBudget)]);
        }

        if (Mode == CameraMode.Portrait)
        {
            foreach (var (name, path) in new[] { (nameof(CascadePath), CascadePath), (nameof(EyeCascadePath), EyeCascadePath) })
            {
                if (!File.Exists(path))
                {
                    yield return new ValidationResult($"'{path}' does not exist (Debian: apt-get install opencv-data)", [name]);
                }
            }
        }
    }
}
