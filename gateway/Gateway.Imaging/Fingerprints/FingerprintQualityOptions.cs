namespace Gateway.Imaging.Fingerprints;

/// <summary>Thresholds of the fingerprint analysis; the defaults are for 500 ppi live-scan images.</summary>
public sealed class FingerprintQualityOptions
{
    /// <summary>Fingers scoring below this (0–100) get an instruction instead of <see cref="FingerprintFeedback.Good"/>. Default 40.</summary>
    public int MinimumQuality { get; init; } = 40;

    /// <summary>
    /// A finger with less foreground than this (square millimetres) is partial; the score is scaled down below it
    /// (see <see cref="FingerQuality"/>). Default 100 mm² (a fingertip pressed flat covers about 150–300 mm²).
    /// </summary>
    public double MinimumAreaSquareMillimetres { get; init; } = 100;

    /// <summary>Largest image accepted, in pixels; bigger images are refused before any work. Default 16 million.</summary>
    public long MaxPixels { get; init; } = 16_000_000;

    /// <summary>Smallest side accepted, in pixels. Default 64.</summary>
    public int MinSide { get; init; } = 64;
}
