using OpenCvSharp;

namespace Gateway.MrzOcr.Internal;

/// <summary>
/// Finds regions that may hold an MRZ: blocks of long, dense dark text. The image is reduced to a working size, dark
/// strokes are lifted by their darkness against the paper (a square closing, so any angle works), joined into text
/// blocks by closing at three sizes, and every block that is long, narrow and dense enough becomes a candidate, the
/// longest first. Positions are in the source image's pixels.
/// </summary>
internal static class MrzLocator
{
    public const int WorkingSize = 1024;

    /// <summary>The scale (working size over source size) at or below which the reduced copy is not blurred.</summary>
    private const double MaxScaleUnblurred = 0.6;

    public static List<RotatedRect> Locate(Mat gray, int maxCandidates)
    {
        var scale = Math.Min(1.0, WorkingSize / (double)Math.Max(gray.Width, gray.Height));
        using var small = new Mat();
        Reduce(gray, small, scale);

        // A camera's sensor noise, left whole when the frame is not reduced, lifts as many dark specks as there are text
        // strokes: Otsu's split then takes a third of the frame for ink and the whole frame closes into one block. A light
        // blur removes the specks and keeps strokes of 8-pixel characters. Reducing to less than 0.6 of the size has
        // averaged them away already.
        if (scale > MaxScaleUnblurred)
        {
            Cv2.GaussianBlur(small, small, new Size(3, 3), 0);
        }

        // Dark strokes, against the paper within about 16 pixels (as a 15-pixel black-hat filter finds them; more of the
        // tuning set's MRZs are found so). Taken from an even-sized part (an odd last row or column dropped), so that
        // every halving below is by exactly one half: OpenCV's resizes take a fast path then (an odd-sized 1024-pixel
        // image took 1 to 2 ms more to halve by area than an even-sized one).
        using var even = new Mat(small, new Rect(0, 0, small.Width & ~1, small.Height & ~1));
        using var darkness = Darkness.Of(even, halvings: 1, reach: 8);
        using var ink = new Mat();
        Cv2.Threshold(darkness, ink, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
        // The two larger closings run on a half-size copy of the ink (a pixel inked when any of its four is) with kernels
        // half as large (as 10 and 16 at full size): the same blocks for a quarter of the pixels and of the kernel. (A
        // fourth size, as 12, found nothing the others missed on the evaluation and tuning sets.)
        using var halfInk = new Mat();
        Cv2.Resize(ink, halfInk, new Size(ink.Width / 2, ink.Height / 2), 0, 0, InterpolationFlags.Area);
        Cv2.Threshold(halfInk, halfInk, 0, 255, ThresholdTypes.Binary);
        var found = new List<(RotatedRect Box, double Score)>();
        foreach (var (size, half) in ((int, bool)[])[(5, false), (5, true), (8, true)])
        {
            var (source, factor) = half ? (halfInk, 2.0) : (ink, 1.0);
            var minLength = Math.Min(small.Width, small.Height) * 0.18 / factor;
            using var joined = new Mat();
            // Square kernels, which OpenCV applies as a row then a column: a third less time than discs, the same blocks.
            using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(size, size));
            Cv2.MorphologyEx(source, joined, MorphTypes.Close, kernel);
            using var opened = new Mat();
            using var small3 = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(3, 3));
            Cv2.MorphologyEx(joined, opened, MorphTypes.Open, small3);
            Cv2.FindContours(opened, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
            foreach (var contour in contours)
            {
                // Most contours are single words or specks: too short at any angle, by their bounding box's diagonal
                // (which no enclosing rectangle's side exceeds), before the costlier fitting.
                if (Diagonal(contour) < minLength)
                {
                    continue;
                }

                var box = Cv2.MinAreaRect(contour);
                var (longSide, shortSide) = (Math.Max(box.Size.Width, box.Size.Height), Math.Min(box.Size.Width, box.Size.Height));
                if (longSide < minLength || shortSide < 4 / factor || longSide < shortSide * 2.5)
                {
                    continue;
                }

                var density = Cv2.ContourArea(contour) / (longSide * shortSide);
                if (density < 0.45)
                {
                    continue;
                }

                found.Add((Scale(box, factor / scale), longSide * factor * density));
            }
        }

        // The same block found at several closing sizes is tried once.
        var result = new List<RotatedRect>();
        foreach (var (box, _) in found.OrderByDescending(f => f.Score))
        {
            if (result.Count < maxCandidates && !result.Exists(r => Same(r, box)))
            {
                result.Add(box);
            }
        }

        return result;
    }

    /// <summary>
    /// Reduces by <paramref name="scale"/>: halved while at least twice too large, then the rest (less than a halving).
    /// All by bilinear interpolation, which at exactly half is the mean of each 2×2 block: OpenCV's area averaging gives
    /// the same but took 3 to 20 times longer here on 5 to 10 megapixel scans.
    /// </summary>
    private static void Reduce(Mat gray, Mat small, double scale)
    {
        var target = new Size((int)Math.Round(gray.Width * scale), (int)Math.Round(gray.Height * scale));
        using var half = new Mat();
        var (source, size) = (gray, new Size(gray.Width, gray.Height));
        while (size.Width / 2 >= target.Width && size.Height / 2 >= target.Height)
        {
            size = new Size(size.Width / 2, size.Height / 2);
            // From an even-sized part: by exactly one half, OpenCV's fast path (see Locate).
            using var even = new Mat(source, new Rect(0, 0, size.Width * 2, size.Height * 2));
            Cv2.Resize(even, half, size, 0, 0, InterpolationFlags.Linear);
            source = half;
        }

        Cv2.Resize(source, small, target, 0, 0, InterpolationFlags.Linear);
    }

    private static double Diagonal(Point[] contour)
    {
        var (minX, minY, maxX, maxY) = (int.MaxValue, int.MaxValue, int.MinValue, int.MinValue);
        foreach (var p in contour)
        {
            (minX, maxX) = (Math.Min(minX, p.X), Math.Max(maxX, p.X));
            (minY, maxY) = (Math.Min(minY, p.Y), Math.Max(maxY, p.Y));
        }

        return Math.Sqrt(((double)(maxX - minX) * (maxX - minX)) + ((double)(maxY - minY) * (maxY - minY)));
    }

    private static RotatedRect Scale(RotatedRect box, double factor) =>
        new(new Point2f((float)(box.Center.X * factor), (float)(box.Center.Y * factor)),
            new Size2f(box.Size.Width * factor, box.Size.Height * factor), box.Angle);

    /// <summary>Whether two boxes are the same block (near centres, similar lengths).</summary>
    public static bool Same(RotatedRect a, RotatedRect b)
    {
        var distance = Math.Sqrt(Math.Pow(a.Center.X - b.Center.X, 2) + Math.Pow(a.Center.Y - b.Center.Y, 2));
        var sizeA = Math.Max(a.Size.Width, a.Size.Height);
        var sizeB = Math.Max(b.Size.Width, b.Size.Height);
        return distance < Math.Min(sizeA, sizeB) * 0.1 && Math.Abs(sizeA - sizeB) < Math.Max(sizeA, sizeB) * 0.15;
    }
}
