namespace Gateway.Imaging.Fingerprints.Internal;

/// <summary>Measures one finger region: its 32×32 blocks' ridge profiles, aggregated into the finger's quality.</summary>
internal static class FingerMeasurer
{
    public static FingerQuality Measure(
        ReadOnlySpan<byte> pixels, int stride, GradientField field, Segmenter.Region region, int ppi, FingerprintQualityOptions options)
    {
        double ocl = 0, clarity = 0, energy = 0, contrast = 0, ratioSum = 0, ratioSquares = 0;
        int blocks = 0, ratios = 0;
        var columns = field.Columns;
        for (var by = region.BlockBounds.Top; by + 1 < region.BlockBounds.Bottom; by += 2)
        {
            for (var bx = region.BlockBounds.Left; bx + 1 < region.BlockBounds.Right; bx += 2)
            {
                int[] sub = [(by * columns) + bx, (by * columns) + bx + 1, ((by + 1) * columns) + bx, ((by + 1) * columns) + bx + 1];
                if (sub.Count(i => region.Blocks[i]) < 3)
                {
                    continue;
                }

                double a = 0, b = 0, c = 0;
                foreach (var i in sub)
                {
                    (a, b, c) = (a + field.Gxx[i], b + field.Gyy[i], c + field.Gxy[i]);
                }

                var root = Math.Sqrt(((a - b) * (a - b)) + (4 * c * c));
                var largest = (a + b + root) / 2;
                ocl += largest <= 1e-6 ? 0 : 1 - (((a + b - root) / 2) / largest);
                var measured = RidgeProfile.Measure(
                    pixels, stride, bx * GradientField.Block, by * GradientField.Block, 0.5 * Math.Atan2(2 * c, a - b));
                clarity += measured.Clarity;
                energy += measured.FrequencyEnergy;
                contrast += measured.Contrast;
                if (measured.HasRatio)
                {
                    var log = Math.Log(measured.RidgeValleyRatio);
                    ratioSum += log;
                    ratioSquares += log * log;
                    ratios++;
                }

                blocks++;
            }
        }

        double meanGrey = 0;
        for (var i = 0; i < region.Blocks.Length; i++)
        {
            meanGrey += region.Blocks[i] ? field.Mean[i] : 0;
        }

        meanGrey /= Math.Max(1, region.Count);
        var millimetresPerPixel = 25.4 / ppi;
        var area = region.Count * GradientField.Block * GradientField.Block * millimetresPerPixel * millimetresPerPixel;
        var n = Math.Max(1, blocks);
        (ocl, clarity, energy, contrast) = (ocl / n, clarity / n, energy / n, contrast / n);
        // The spread is taken on the logarithm of the ratio, so ridges half as wide as valleys and twice as wide weigh
        // the same, and one odd block does not swamp the rest.
        var meanLog = ratios > 0 ? ratioSum / ratios : 0;
        var uniformity = ratios > 1 ? Math.Sqrt(Math.Max(0, (ratioSquares / ratios) - (meanLog * meanLog))) : 1;
        var ratio = ratios > 0 ? Math.Exp(meanLog) : 0;

        FingerQualityMeasure[] measures =
        [
            new(FingerQualityMeasureNames.OrientationCertainty, ocl, QualityScore.OrientationCertainty(ocl)),
            new(FingerQualityMeasureNames.LocalClarity, clarity, QualityScore.LocalClarity(clarity)),
            new(FingerQualityMeasureNames.FrequencyDomain, energy, QualityScore.FrequencyDomain(energy)),
            new(FingerQualityMeasureNames.RidgeValleyUniformity, uniformity, QualityScore.RidgeValleyUniformity(uniformity)),
            new(FingerQualityMeasureNames.Contrast, contrast, QualityScore.Contrast(contrast)),
            new(FingerQualityMeasureNames.ForegroundArea, area, QualityScore.Area(area, options.MinimumAreaSquareMillimetres)),
            new(FingerQualityMeasureNames.RidgeValleyRatio, ratio, double.NaN),
            new(FingerQualityMeasureNames.MeanGrey, meanGrey, double.NaN),
        ];
        var score = QualityScore.Score(
            measures[0].Normalized, measures[1].Normalized, measures[2].Normalized, measures[3].Normalized, measures[4].Normalized, measures[5].Normalized);
        return new FingerQuality(score, measures, QualityScore.Feedback(score, area, contrast, meanGrey, ratio, options));
    }
}
