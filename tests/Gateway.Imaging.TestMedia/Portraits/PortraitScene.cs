namespace Gateway.Imaging.TestMedia.Portraits;

/// <summary>
/// A camera frame to render: the astronaut test portrait's head (<see cref="FaceImages.Astronaut"/>) on a plain
/// background, placed, sized and spoilt as asked. Everything is relative to the frame so one scene fits any resolution.
/// </summary>
public sealed record PortraitScene
{
    /// <summary>Frame width. Default 1280.</summary>
    public int Width { get; init; } = 1280;

    /// <summary>Frame height. Default 720.</summary>
    public int Height { get; init; } = 720;

    /// <summary>Face height (the Haar face box of the source portrait) over frame height. Default 0.40.</summary>
    public double FaceSize { get; init; } = 0.40;

    /// <summary>Face centre, over frame width. Default 0.5.</summary>
    public double CenterX { get; init; } = 0.5;

    /// <summary>Face centre, over frame height. Default 0.5.</summary>
    public double CenterY { get; init; } = 0.5;

    /// <summary>Head roll in degrees (counter-clockwise in the image). Default 0.</summary>
    public double RollDegrees { get; init; }

    /// <summary>Gaussian blur of the whole frame (sigma in pixels at 1280 width); 0 = sharp.</summary>
    public double BlurSigma { get; init; }

    /// <summary>Multiplies every pixel (0.25 = a dark booth). Default 1.</summary>
    public double Gain { get; init; } = 1;

    /// <summary>Scales the differences from mid-grey (0.2 = flat, hazy light). Default 1.</summary>
    public double Contrast { get; init; } = 1;

    /// <summary>How many copies of the head, side by side. Default 1; 0 = an empty booth.</summary>
    public int Faces { get; init; } = 1;

    /// <summary>A cluttered background (stripes) instead of a plain one.</summary>
    public bool Cluttered { get; init; }

    /// <summary>The plain background's grey level. Default 190 (a light grey wall).</summary>
    public byte Background { get; init; } = 190;
}
