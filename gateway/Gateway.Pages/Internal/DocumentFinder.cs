using OpenCvSharp;

namespace Gateway.Pages.Internal;

/// <summary>
/// Finds the document on a reader's glass. A full-page reader images the glass with its lid open, so the glass around
/// the document is dark under every light: the document is the largest bright region that differs from the border.
/// A bright border means a white lid or a scan already cut to the document; then the whole image is the document.
/// </summary>
internal static class DocumentFinder
{
    private const int WorkSize = 800;

    /// <summary>The document's corners (top-left, top-right, bottom-right, bottom-left, longer side on top), or the image's.</summary>
    public static Point2f[] Find(Mat gray)
    {
        var scale = Math.Min(1.0, (double)WorkSize / Math.Max(gray.Width, gray.Height));
        using var small = new Mat();
        Cv2.Resize(gray, small, new Size(), scale, scale, InterpolationFlags.Area);
        var whole = Corners(gray.Width, gray.Height);
        var border = BorderLevel(small);
        if (border > 128)
        {
            return whole;
        }

        using var mask = new Mat();
        Cv2.Threshold(small, mask, Math.Min(250, border + 40), 255, ThresholdTypes.Binary);
        var k = Math.Max(3, WorkSize / 80);
        using (var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(k, k)))
        {
            Cv2.MorphologyEx(mask, mask, MorphTypes.Close, kernel);
            Cv2.MorphologyEx(mask, mask, MorphTypes.Open, kernel);
        }

        Cv2.FindContours(mask, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        var largest = contours.OrderByDescending(c => Cv2.ContourArea(c)).FirstOrDefault();
        if (largest is null || Cv2.ContourArea(largest) < 0.04 * small.Width * small.Height)
        {
            return whole;
        }

        var box = Cv2.MinAreaRect(largest);
        if (box.Size.Width * box.Size.Height > 0.97 * small.Width * small.Height)
        {
            return whole;
        }

        var points = box.Points().Select(p => new Point2f((float)(p.X / scale), (float)(p.Y / scale))).ToArray();
        return Upright(points);
    }

    /// <summary>Orders a rectangle's corners so that the top edge is a longer side read left to right.</summary>
    public static Point2f[] Upright(Point2f[] corners)
    {
        var centre = new Point2f(corners.Average(p => p.X), corners.Average(p => p.Y));
        var edges = Enumerable.Range(0, 4).Select(i => (A: corners[i], B: corners[(i + 1) % 4])).ToArray();
        var longest = edges.Max(e => Length(e.B - e.A));
        foreach (var (a0, b0) in edges.Where(e => Length(e.B - e.A) >= longest * 0.999f))
        {
            var pointsRight = b0.X - a0.X > 1e-3 || (Math.Abs(b0.X - a0.X) <= 1e-3 && b0.Y < a0.Y);
            var (a, b) = pointsRight ? (a0, b0) : (b0, a0);
            var d = b - a;
            var normal = new Point2f(-d.Y, d.X); // "down" for text running along d (image y grows downwards)
            var mid = new Point2f((a.X + b.X) / 2, (a.Y + b.Y) / 2);
            if (((mid.X - centre.X) * normal.X) + ((mid.Y - centre.Y) * normal.Y) < 0)
            {
                var down = new Point2f(2 * (centre.X - mid.X), 2 * (centre.Y - mid.Y));
                return [a, b, b + down, a + down];
            }
        }

        return corners;
    }

    public static Point2f[] Corners(int width, int height) => [new(0, 0), new(width - 1, 0), new(width - 1, height - 1), new(0, height - 1)];

    public static float Length(Point2f v) => MathF.Sqrt((v.X * v.X) + (v.Y * v.Y));

    private static int BorderLevel(Mat small)
    {
        var b = Math.Max(2, Math.Min(small.Width, small.Height) / 50);
        var (width, height) = (small.Width, small.Height);
        var values = new List<byte>();
        foreach (var strip in (Rect[])[new(0, 0, width, b), new(0, height - b, width, b), new(0, 0, b, height), new(width - b, 0, b, height)])
        {
            using var part = new Mat(small, strip);
            using var copy = part.Clone();
            copy.GetArray(out byte[] data);
            values.AddRange(data);
        }

        values.Sort();
        return values[values.Count / 2];
    }
}
