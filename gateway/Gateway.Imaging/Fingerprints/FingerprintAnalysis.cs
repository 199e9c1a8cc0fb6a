namespace Gateway.Imaging.Fingerprints;

/// <summary>What the analysis found in one fingerprint image: each finger with its place, quality and instruction.</summary>
/// <param name="Fingers">The fingers found, in the order of <see cref="FingerLayouts.FingersOf"/>; fewer than expected when some are missing.</param>
/// <param name="Expected">The fingers the image should hold.</param>
/// <param name="Feedback">The first thing to fix (a <see cref="FingerprintFeedback"/> code), or <see cref="FingerprintFeedback.Good"/>.</param>
public sealed record FingerprintAnalysis(IReadOnlyList<AnalyzedFinger> Fingers, IReadOnlyList<IsoFingerPosition> Expected, string Feedback)
{
    /// <summary>Why the image could not be analysed (<c>image.too_small</c>, <c>image.too_large</c>); null when it was.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The error for people; null when there is none.</summary>
    public string? Error { get; init; }

    /// <summary>The expected fingers that were not found.</summary>
    public IEnumerable<IsoFingerPosition> Missing => Expected.Except(Fingers.Select(f => f.Position));
}

/// <summary>One finger found in an image.</summary>
/// <param name="Position">Which finger.</param>
/// <param name="Bounds">Where it lies in the analysed image.</param>
/// <param name="Quality">Its quality measures and score.</param>
/// <param name="Image">The finger cut out of the image (its bounds), grey.</param>
public sealed record AnalyzedFinger(IsoFingerPosition Position, FingerBounds Bounds, FingerQuality Quality, Frame Image);

/// <summary>An upright rectangle in image pixels.</summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
public readonly record struct FingerBounds(int X, int Y, int Width, int Height);

/// <summary>The quality of one finger: every measure with its value, the 0–100 score and the instruction.</summary>
/// <param name="Score">
/// 0–100: <c>100 × A × (0.25·OCL + 0.25·LCS + 0.20·FDA + 0.15·RVU + 0.15·C)</c> with each term the measure's
/// normalised value (<see cref="FingerQualityMeasure.Normalized"/>) and A = min(1, area / minimum area).
/// </param>
/// <param name="Measures">The measures, named by <see cref="FingerQualityMeasureNames"/>.</param>
/// <param name="Feedback">The instruction (a <see cref="FingerprintFeedback"/> code).</param>
public sealed record FingerQuality(int Score, IReadOnlyList<FingerQualityMeasure> Measures, string Feedback)
{
    /// <summary>The measure named <paramref name="name"/>.</summary>
    public FingerQualityMeasure this[string name] => Measures.First(m => m.Name == name);
}

/// <summary>One quality measure of a finger.</summary>
/// <param name="Name">One of <see cref="FingerQualityMeasureNames"/>.</param>
/// <param name="Value">The measured value, in the unit of the measure.</param>
/// <param name="Normalized">The value mapped to 0–1 (1 best) as it enters the score.</param>
public sealed record FingerQualityMeasure(string Name, double Value, double Normalized);

/// <summary>The names (and units) of the finger quality measures, after ISO/IEC 29794-4.</summary>
public static class FingerQualityMeasureNames
{
    /// <summary>Orientation certainty level: mean over foreground blocks of 1 − λmin/λmax of the gradient structure tensor (0–1, higher is clearer).</summary>
    public const string OrientationCertainty = "orientation_certainty";

    /// <summary>Local clarity: mean over blocks of 1 − (α + β)/2, α and β the shares of ridge and valley pixels on the wrong side of the block's threshold (0–1).</summary>
    public const string LocalClarity = "local_clarity";

    /// <summary>Frequency domain energy: the share of the ridge profile's spectrum at its dominant ridge frequency (0–1).</summary>
    public const string FrequencyDomain = "frequency_domain";

    /// <summary>Ridge-valley uniformity: standard deviation over blocks of the natural logarithm of the ridge-to-valley width ratio (lower is more uniform).</summary>
    public const string RidgeValleyUniformity = "ridge_valley_uniformity";

    /// <summary>Geometric mean of the blocks' ridge-to-valley width ratios (about 1 for a good print; low when dry, high when wet). Reported, used for the instruction.</summary>
    public const string RidgeValleyRatio = "ridge_valley_ratio";

    /// <summary>Ridge-valley contrast: mean peak-to-peak grey of the block ridge profiles (grey levels).</summary>
    public const string Contrast = "contrast";

    /// <summary>Mean grey of the foreground (0 black – 255 white). Reported, used for the instruction.</summary>
    public const string MeanGrey = "mean_grey";

    /// <summary>Foreground area of the finger in square millimetres.</summary>
    public const string ForegroundArea = "foreground_area";
}
