using System.Globalization;
using OpenCvSharp;

namespace Gateway.Pages.Internal;

/// <summary>The two infrared hints, measured on the upright infrared document.</summary>
internal static class HintMeasures
{
    /// <summary>Below this contrast (paper level minus the 5th percentile, grey levels) the MRZ band holds no ink.</summary>
    private const int MinMrzInk = 60;

    /// <summary>The portrait must be at least this much darker than the paper (share of the paper's level).</summary>
    private const double MinPortraitDarkness = 0.25;

    public static PageHint MrzVisible(Mat? infrared, Rect? mrz, bool readUnderInfrared)
    {
        if (infrared is null || mrz is not { } box)
        {
            return infrared is null ? NotApplicable(PageHints.MrzVisibleInfrared, "no_infrared", "no infrared image") : NotApplicable(PageHints.MrzVisibleInfrared, "no_mrz", "no MRZ found");
        }

        if (readUnderInfrared)
        {
            return new PageHint(PageHints.MrzVisibleInfrared, PageHintOutcome.Passed, "MRZ read under infrared") { Reason = "read_under_infrared" };
        }

        using var band = new Mat(infrared, box.Intersect(new Rect(0, 0, infrared.Width, infrared.Height)));
        var contrast = Mats.Mode(band) - Mats.Percentile(band, 0.05);
        return new PageHint(
            PageHints.MrzVisibleInfrared,
            contrast >= MinMrzInk ? PageHintOutcome.Passed : PageHintOutcome.Failed,
            string.Create(CultureInfo.InvariantCulture, $"MRZ ink contrast under infrared {contrast} (at least {MinMrzInk})"))
        {
            Measure = contrast,
            Minimum = MinMrzInk,
        };
    }

    public static PageHint PortraitDark(Mat? infrared, Rect page, Rect? portrait)
    {
        if (infrared is null || portrait is not { } box)
        {
            return infrared is null ? NotApplicable(PageHints.PortraitDarkInfrared, "no_infrared", "no infrared image") : NotApplicable(PageHints.PortraitDarkInfrared, "no_portrait", "no portrait found");
        }

        using var document = new Mat(infrared, page.Intersect(new Rect(0, 0, infrared.Width, infrared.Height)));
        var paper = Mats.Mode(document);
        using var region = new Mat(infrared, box.Intersect(new Rect(0, 0, infrared.Width, infrared.Height)));
        var mean = Cv2.Mean(region).Val0;
        var darkness = paper > 0 ? (paper - mean) / paper : 0;
        return new PageHint(
            PageHints.PortraitDarkInfrared,
            darkness >= MinPortraitDarkness ? PageHintOutcome.Passed : PageHintOutcome.Failed,
            string.Create(CultureInfo.InvariantCulture, $"portrait {darkness:P0} darker than the paper under infrared (at least {MinPortraitDarkness:P0})"))
        {
            Measure = darkness,
            Minimum = MinPortraitDarkness,
        };
    }

    private static PageHint NotApplicable(string name, string reason, string detail) =>
        new(name, PageHintOutcome.NotApplicable, detail) { Reason = reason };
}
