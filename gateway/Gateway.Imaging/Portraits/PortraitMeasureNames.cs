namespace Gateway.Imaging.Portraits;

/// <summary>The names of the portrait quality measures, in the order they are checked and reported.</summary>
public static class PortraitMeasureNames
{
    /// <summary>Faces found (Haar frontal face cascade); exactly one passes.</summary>
    public const string FaceCount = "portrait.face_count";

    /// <summary>Face box height over frame height.</summary>
    public const string FaceSize = "portrait.face_size";

    /// <summary>Face centre's horizontal offset from the frame centre, over frame width (negative: image left).</summary>
    public const string HorizontalCentring = "portrait.centring_horizontal";

    /// <summary>Face centre's vertical offset from the frame centre, over frame height (negative: up).</summary>
    public const string VerticalCentring = "portrait.centring_vertical";

    /// <summary>Head roll: the eye line's angle from horizontal, in degrees; needs both eyes.</summary>
    public const string HeadRoll = "portrait.head_roll";

    /// <summary>Variance of the Laplacian of the face, resized to 128 × 128 grey.</summary>
    public const string Sharpness = "portrait.sharpness";

    /// <summary>Mean grey level of the face, 0–255.</summary>
    public const string Brightness = "portrait.brightness";

    /// <summary>Share of face pixels clipped to black (≤ 3) or white (≥ 252), 0–1.</summary>
    public const string Clipping = "portrait.clipping";

    /// <summary>Standard deviation of the face's grey levels (RMS contrast), 0–128.</summary>
    public const string Contrast = "portrait.contrast";

    /// <summary>Standard deviation of the grey levels beside and above the head.</summary>
    public const string Background = "portrait.background";

    /// <summary>Every measure name, in check order. Exposure comes before sharpness: a dark face also has weak edges.</summary>
    public static IReadOnlyList<string> All { get; } =
        [FaceCount, FaceSize, HorizontalCentring, VerticalCentring, HeadRoll, Brightness, Clipping, Contrast, Sharpness, Background];
}
