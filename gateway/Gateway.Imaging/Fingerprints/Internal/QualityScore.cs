namespace Gateway.Imaging.Fingerprints.Internal;

/// <summary>
/// The score formula and the instruction, in one place so the README can quote it. Each measure is mapped linearly to
/// 0–1 between a floor (0) and a ceiling (1), then combined as
/// <c>100 × A × (0.25·OCL + 0.25·LCS + 0.20·FDA + 0.15·RVU + 0.15·C)</c>, A = min(1, area / minimum area).
/// </summary>
internal static class QualityScore
{
    public static double OrientationCertainty(double ocl) => Linear(ocl, 0.50, 0.95);

    public static double LocalClarity(double lcs) => Linear(lcs, 0.55, 0.90);

    public static double FrequencyDomain(double fda) => Linear(fda, 0.15, 0.45);

    /// <summary>RVU is a spread (of the log ratio): 0 is perfectly uniform (1), 0.8 or more is erratic (0).</summary>
    public static double RidgeValleyUniformity(double rvu) => 1 - Linear(rvu, 0, 0.8);

    public static double Contrast(double greyLevels) => Linear(greyLevels, 15, 90);

    public static double Area(double squareMillimetres, double minimum) => Math.Min(1, squareMillimetres / minimum);

    public static int Score(double ocl, double lcs, double fda, double rvu, double contrast, double area) =>
        (int)Math.Round(100 * area * ((0.25 * ocl) + (0.25 * lcs) + (0.20 * fda) + (0.15 * rvu) + (0.15 * contrast)));

    /// <summary>What to ask of the traveller: the first rule that fits, in this order.</summary>
    public static string Feedback(int score, double areaMm2, double contrast, double meanGrey, double ratio, FingerprintQualityOptions options)
    {
        if (areaMm2 < options.MinimumAreaSquareMillimetres)
        {
            return FingerprintFeedback.FingerPartial;
        }

        if (score >= options.MinimumQuality)
        {
            return FingerprintFeedback.Good;
        }

        if (ratio is > 0 and < 0.6)
        {
            return FingerprintFeedback.TooDry;
        }

        if (ratio > 1.7 || meanGrey < 90)
        {
            return FingerprintFeedback.TooWet;
        }

        return contrast < 40 && meanGrey > 150 ? FingerprintFeedback.PressHarder : FingerprintFeedback.PoorQuality;
    }

    private static double Linear(double value, double floor, double ceiling) =>
        double.IsNaN(value) ? 0 : Math.Clamp((value - floor) / (ceiling - floor), 0, 1);
}
