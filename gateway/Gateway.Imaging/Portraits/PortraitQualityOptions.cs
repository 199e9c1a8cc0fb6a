namespace Gateway.Imaging.Portraits;

/// <summary>
/// The face detector and the thresholds of the portrait measures. The defaults were set on 1280 × 720 frames of
/// the scikit-image test portrait and its degraded copies; see the camera driver's README for their sources.
/// </summary>
public sealed record PortraitQualityOptions
{
    /// <summary>Where Debian's <c>opencv-data</c> package puts the Haar cascades.</summary>
    public const string DebianCascadeFolder = "/usr/share/opencv4/haarcascades";

    /// <summary>The frontal face Haar cascade. Default: Debian's <c>haarcascade_frontalface_default.xml</c>.</summary>
    public string FaceCascadePath { get; init; } = Path.Combine(DebianCascadeFolder, "haarcascade_frontalface_default.xml");

    /// <summary>The eye Haar cascade (eye line, head roll, false-face rejection). Default: Debian's <c>haarcascade_eye.xml</c>.</summary>
    public string EyeCascadePath { get; init; } = Path.Combine(DebianCascadeFolder, "haarcascade_eye.xml");

    /// <summary>Faces are searched on a copy reduced to this width (detection cost grows with the pixels; a face of
    /// the smallest accepted size is still 56 pixels high at 400 × 225). Default 400.</summary>
    public int DetectionWidth { get; init; } = 400;

    /// <summary>Smallest face box height over frame height. Default 0.25.</summary>
    public double MinFaceSize { get; init; } = 0.25;

    /// <summary>Largest face box height over frame height. Default 0.70.</summary>
    public double MaxFaceSize { get; init; } = 0.70;

    /// <summary>Largest horizontal offset of the face centre from the frame centre, over frame width. Default 0.10.</summary>
    public double MaxHorizontalOffset { get; init; } = 0.10;

    /// <summary>Largest vertical offset of the face centre from the frame centre, over frame height. Default 0.15.</summary>
    public double MaxVerticalOffset { get; init; } = 0.15;

    /// <summary>Largest head roll (eye line from horizontal) in degrees. Default 8 (ISO/IEC 19794-5 frontal pose: ±8°).</summary>
    public double MaxRollDegrees { get; init; } = 8;

    /// <summary>Smallest variance of the Laplacian of the face at 128 × 128. Default 60.</summary>
    public double MinSharpness { get; init; } = 60;

    /// <summary>Darkest mean grey level of the face. Default 70.</summary>
    public double MinBrightness { get; init; } = 70;

    /// <summary>Brightest mean grey level of the face. Default 200.</summary>
    public double MaxBrightness { get; init; } = 200;

    /// <summary>Largest share of face pixels clipped to black or white. Default 0.05.</summary>
    public double MaxClipping { get; init; } = 0.05;

    /// <summary>Smallest standard deviation of the face's grey levels. Default 25.</summary>
    public double MinContrast { get; init; } = 25;

    /// <summary>Largest standard deviation of the grey levels beside and above the head. Default 25.</summary>
    public double MaxBackgroundDeviation { get; init; } = 25;
}
