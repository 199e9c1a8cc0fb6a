using OpenCvSharp;

namespace Gateway.Pages.Internal;

/// <summary>
/// Finds the printed portrait on an upright document: the largest compact, portrait-shaped region that is not paper.
/// Text, guilloche lines and fine print are thinner than about a millimetre and vanish under a morphological opening of
/// that size; a photo does not. The MRZ band is left out.
/// </summary>
internal static class PortraitFinder
{
    private const int WorkWidth = 500;

    /// <summary>The portrait's box in <paramref name="document"/>, or null.</summary>
    /// <param name="document">The upright document, grey or colour.</param>
    /// <param name="page">The document's box in <paramref name="document"/> (which has a margin of glass around it).</param>
    /// <param name="mrzTop">Where the MRZ begins (its top row in the document), or the document's height.</param>
    /// <param name="pixelsPerMm">The document's resolution.</param>
    public static Rect? Find(Mat document, Rect page, int mrzTop, double pixelsPerMm)
    {
        var scale = Math.Min(1.0, (double)WorkWidth / document.Width);
        using var small = new Mat();
        Cv2.Resize(document, small, new Size(), scale, scale, InterpolationFlags.Area);
        var mm = pixelsPerMm * scale;
        using var mask = NotPaper(small);
        // Only the page above the MRZ, a little inside its edges.
        using (var keep = new Mat(mask.Size(), MatType.CV_8UC1, Scalar.Black))
        {
            var inset = (int)Math.Ceiling(mm);
            var bottom = Math.Min((page.Bottom * scale) - inset, mrzTop * scale);
            var area = Rect.FromLTRB((int)(page.Left * scale) + inset, (int)(page.Top * scale) + inset, (int)(page.Right * scale) - inset, (int)bottom);
            area = area.Intersect(new Rect(0, 0, mask.Width, mask.Height));
            if (area.Width <= 0 || area.Height <= 0)
            {
                return null;
            }

            keep[area].SetTo(Scalar.White);
            Cv2.BitwiseAnd(mask, keep, mask);
        }

        var k = Math.Max(3, (int)Math.Round(mm * 1.2)) | 1;
        using (var kernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(k, k)))
        {
            Cv2.MorphologyEx(mask, mask, MorphTypes.Open, kernel);
            Cv2.MorphologyEx(mask, mask, MorphTypes.Close, kernel);
        }

        Cv2.FindContours(mask, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        Rect? best = null;
        foreach (var contour in contours)
        {
            var box = Cv2.BoundingRect(contour);
            var aspect = (double)box.Width / box.Height;
            var fill = Cv2.ContourArea(contour) / Math.Max(1, box.Width * box.Height);
            // A portrait is at least 15 mm tall (ghost images and emblems are smaller), taller than wide, and solid.
            if (box.Height < 15 * mm || aspect is < 0.55 or > 1.05 || fill < 0.6)
            {
                continue;
            }

            if (best is null || box.Width * box.Height > best.Value.Width * best.Value.Height)
            {
                best = box;
            }
        }

        if (best is not { } found)
        {
            return null;
        }

        var rect = new Rect((int)(found.X / scale), (int)(found.Y / scale), (int)(found.Width / scale), (int)(found.Height / scale));
        return rect.Intersect(new Rect(0, 0, document.Width, document.Height));
    }

    /// <summary>Pixels far from the paper's colour: in grey by level, in colour also by saturation.</summary>
    private static Mat NotPaper(Mat small)
    {
        using var gray = Mats.Gray(small);
        var paper = Mats.Mode(gray);
        var mask = new Mat();
        using (var diff = new Mat())
        {
            Cv2.Absdiff(gray, new Scalar(paper), diff);
            Cv2.Threshold(diff, mask, 40, 255, ThresholdTypes.Binary);
        }

        if (small.Channels() == 3)
        {
            using var hsv = new Mat();
            Cv2.CvtColor(small, hsv, ColorConversionCodes.BGR2HSV);
            using var saturation = hsv.ExtractChannel(1);
            var paperSaturation = Mats.Mode(saturation);
            using var diff = new Mat();
            Cv2.Absdiff(saturation, new Scalar(paperSaturation), diff);
            using var coloured = new Mat();
            Cv2.Threshold(diff, coloured, 50, 255, ThresholdTypes.Binary);
            Cv2.BitwiseOr(mask, coloured, mask);
        }

        return mask;
    }
}
