using OpenCvSharp;

namespace Gateway.Imaging.Barcodes.Internal;

/// <summary>
/// Finds the places in a grey image that look like a barcode: dense, high-contrast blocks of edges. Works on a reduced
/// copy and returns rotated rectangles in the full image's coordinates, the largest and most compact first.
/// </summary>
/// <remarks>
/// Morphological gradient → Otsu threshold → closing (joins the modules of a symbol into one blob) → opening (drops
/// thin strokes such as text) → external contours → minimum-area rectangles, kept when big enough, not too elongated
/// and mostly filled.
/// </remarks>
internal static class RegionLocator
{
    private const int WorkingSide = 1400;

    public static IReadOnlyList<RotatedRect> Locate(Mat gray, int maxRegions)
    {
        var (width, height) = (gray.Width, gray.Height);
        var scale = Math.Min(1.0, WorkingSide / (double)Math.Max(width, height));
        using var small = new Mat();
        if (scale < 1.0)
        {
            Cv2.Resize(gray, small, new Size(Math.Max(1, (int)(width * scale)), Math.Max(1, (int)(height * scale))), 0, 0, InterpolationFlags.Area);
        }
        else
        {
            gray.CopyTo(small);
        }

        var minSide = Math.Min(small.Width, small.Height);
        using var gradient = new Mat();
        using (var ellipse = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(3, 3)))
        {
            Cv2.MorphologyEx(small, gradient, MorphTypes.Gradient, ellipse);
        }

        using var mask = new Mat();
        Cv2.Threshold(gradient, mask, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
        var k = Math.Max(5, minSide / 90);
        var regions = new List<(RotatedRect Rect, double Score)>();
        // Two closing sizes: the small one keeps neighbouring symbols apart, the large one joins a PDF417's start and
        // stop patterns to its data columns across their white gaps.
        foreach (var size in (int[])[k, k * 5 / 2])
        {
            using var closed = new Mat();
            using (var close = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(size, size)))
            {
                Cv2.MorphologyEx(mask, closed, MorphTypes.Close, close);
            }

            using (var open = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(Math.Max(3, k / 2), Math.Max(3, k / 2))))
            {
                Cv2.MorphologyEx(closed, closed, MorphTypes.Open, open);
            }

            AddBlobs(closed, minSide, 1 / scale, regions);
        }

        var ranked = new List<RotatedRect>();
        foreach (var (rect, _) in regions.OrderByDescending(r => r.Score))
        {
            // The same blob found at both closing sizes is tried once.
            if (!ranked.Exists(r => Near(r, rect)))
            {
                ranked.Add(rect);
            }
        }

        return ranked.Take(maxRegions).ToArray();
    }

    private static void AddBlobs(Mat mask, int minSide, double toSource, List<(RotatedRect Rect, double Score)> regions)
    {
        Cv2.FindContours(mask, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        var minArea = Math.Pow(Math.Max(12, minSide / 40.0), 2);
        foreach (var contour in contours)
        {
            var rect = Cv2.MinAreaRect(contour);
            var area = (double)rect.Size.Width * rect.Size.Height;
            if (area < minArea)
            {
                continue;
            }

            var longer = Math.Max(rect.Size.Width, rect.Size.Height);
            var shorter = Math.Max(1, Math.Min(rect.Size.Width, rect.Size.Height));
            if (longer / shorter > 12 || Cv2.ContourArea(contour) / area < 0.45)
            {
                continue;
            }

            // Barcodes are compact blocks; text lines are long thin ones: rank by area discounted by elongation.
            regions.Add((Scale(rect, toSource), area / Math.Max(1, longer / shorter / 2)));
        }
    }

    private static bool Near(RotatedRect a, RotatedRect b)
    {
        var tolerance = Math.Max(Math.Min(a.Size.Width, a.Size.Height), Math.Min(b.Size.Width, b.Size.Height)) / 4;
        return Math.Abs(a.Center.X - b.Center.X) < tolerance && Math.Abs(a.Center.Y - b.Center.Y) < tolerance
            && Math.Abs((a.Size.Width * a.Size.Height) - (b.Size.Width * b.Size.Height)) < 0.25 * a.Size.Width * a.Size.Height;
    }

    private static RotatedRect Scale(RotatedRect rect, double factor) =>
        new(
            new Point2f((float)(rect.Center.X * factor), (float)(rect.Center.Y * factor)),
            new Size2f(rect.Size.Width * factor, rect.Size.Height * factor),
            rect.Angle);
}
