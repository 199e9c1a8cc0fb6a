using Gateway.Imaging.Fingerprints.Internal;
using Gateway.Imaging.Internal;

namespace Gateway.Imaging.Fingerprints;

/// <summary>
/// Finds the fingers in a fingerprint image (one finger, a four-finger slap or two thumbs), cuts each out and measures
/// its quality with the openly computable features of ISO/IEC 29794-4. Thread-safe; holds no native resources.
/// </summary>
/// <remarks>This is not NFIQ 2: see <see cref="FingerQuality.Score"/> for the formula.</remarks>
public sealed class FingerprintAnalyzer(FingerprintQualityOptions? options = null)
{
    private readonly FingerprintQualityOptions _options = options ?? new FingerprintQualityOptions();

    /// <summary>The thresholds in use.</summary>
    public FingerprintQualityOptions Options => _options;

    /// <summary>Analyses an image of <paramref name="position"/>: a single finger, or a slap whose fingers are separated.</summary>
    /// <param name="frame">The image, grey or colour, dark ridges on a light background.</param>
    /// <param name="position">What the image holds (e.g. <see cref="IsoFingerPosition.PlainRightFourFingers"/>).</param>
    /// <param name="ppi">Resolution in pixels per inch (500 when the scanner does not say).</param>
    /// <returns>The fingers found; an image too small or too large is a result with <see cref="FingerprintAnalysis.ErrorCode"/>.</returns>
    public FingerprintAnalysis Analyze(Frame frame, IsoFingerPosition position, int ppi = 500)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ppi = ppi > 0 ? ppi : 500;
        var expected = FingerLayouts.FingersOf(position);
        if (frame.Width < _options.MinSide || frame.Height < _options.MinSide)
        {
            return Failed(expected, "image.too_small", $"The image is {frame.Width}×{frame.Height} pixels; a fingerprint needs at least {_options.MinSide} on each side.");
        }

        if ((long)frame.Width * frame.Height > _options.MaxPixels)
        {
            return Failed(expected, "image.too_large", $"The image is {frame.Width}×{frame.Height} pixels, more than the {_options.MaxPixels:N0} accepted.");
        }

        using var gray = OpenCvFrames.ToGrayMat(frame);
        var pixels = OpenCvFrames.GrayBytes(gray);
        var field = GradientField.Compute(gray);

        // A finger region smaller than about 15 mm² is a smudge or a speck, not a finger.
        var blockMm = GradientField.Block * 25.4 / ppi;
        var regions = Segmenter.Fingers(field, expected.Count, Math.Max(4, (int)(15 / (blockMm * blockMm))));
        var fingers = new List<AnalyzedFinger>(regions.Count);
        for (var i = 0; i < regions.Count; i++)
        {
            var region = regions[i];
            var quality = FingerMeasurer.Measure(pixels, gray.Width, field, region, ppi, _options);
            var bounds = new FingerBounds(
                region.BlockBounds.X * GradientField.Block,
                region.BlockBounds.Y * GradientField.Block,
                region.BlockBounds.Width * GradientField.Block,
                region.BlockBounds.Height * GradientField.Block);
            fingers.Add(new AnalyzedFinger(expected[i], bounds, quality, Crop(pixels, gray.Width, bounds)));
        }

        return new FingerprintAnalysis(fingers, expected, Overall(fingers, expected.Count));
    }

    private static string Overall(List<AnalyzedFinger> fingers, int expected)
    {
        if (fingers.Count == 0)
        {
            return FingerprintFeedback.NoFinger;
        }

        if (fingers.Count < expected)
        {
            return FingerprintFeedback.PlaceFingersFlat;
        }

        return fingers.Select(f => f.Quality.Feedback).FirstOrDefault(f => f != FingerprintFeedback.Good) ?? FingerprintFeedback.Good;
    }

    private static Frame Crop(byte[] pixels, int stride, FingerBounds bounds)
    {
        var crop = new byte[bounds.Width * bounds.Height];
        for (var y = 0; y < bounds.Height; y++)
        {
            pixels.AsSpan(((bounds.Y + y) * stride) + bounds.X, bounds.Width).CopyTo(crop.AsSpan(y * bounds.Width));
        }

        return Frame.FromPixels(bounds.Width, bounds.Height, PixelFormat.Gray8, crop);
    }

    private static FingerprintAnalysis Failed(IReadOnlyList<IsoFingerPosition> expected, string code, string error) =>
        new([], expected, FingerprintFeedback.NoFinger) { ErrorCode = code, Error = error };
}
