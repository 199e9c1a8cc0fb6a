using OpenCvSharp;

namespace Gateway.Imaging.Fingerprints.Internal;

/// <summary>
/// Foreground segmentation on the block grid: a block is fingerprint when its grey varies (ridges and valleys) and its
/// gradients agree in direction (parallel ridges, which noise and smudges lack). The mask is closed, opened and its
/// holes filled; each connected part is a finger candidate.
/// </summary>
internal static class Segmenter
{
    private const float MinStd = 8f;
    private const float MinCoherence = 0.3f;

    /// <summary>A finger candidate: the grid blocks it covers and its bounding box in blocks.</summary>
    public sealed record Region(bool[] Blocks, int Count, Rect BlockBounds, double CentreX);

    /// <summary>Finds up to <paramref name="expected"/> finger regions of at least <paramref name="minBlocks"/> blocks, left to right.</summary>
    public static IReadOnlyList<Region> Fingers(GradientField field, int expected, int minBlocks)
    {
        using var mask = new Mat(field.Rows, field.Columns, MatType.CV_8UC1, Scalar.Black);
        for (var y = 0; y < field.Rows; y++)
        {
            for (var x = 0; x < field.Columns; x++)
            {
                var i = (y * field.Columns) + x;
                if (field.Std[i] >= MinStd && field.Coherence(i) >= MinCoherence)
                {
                    mask.Set(y, x, (byte)255);
                }
            }
        }

        using (var kernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(3, 3)))
        {
            Cv2.MorphologyEx(mask, mask, MorphTypes.Close, kernel);
            Cv2.MorphologyEx(mask, mask, MorphTypes.Open, kernel);
        }

        FillHoles(mask);
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        var count = Cv2.ConnectedComponentsWithStats(mask, labels, stats, centroids, PixelConnectivity.Connectivity8);
        var candidates = new List<(int Label, int Area)>();
        for (var label = 1; label < count; label++)
        {
            var area = stats.At<int>(label, (int)ConnectedComponentsTypes.Area);
            if (area >= minBlocks)
            {
                candidates.Add((label, area));
            }
        }

        candidates.Sort((a, b) => b.Area.CompareTo(a.Area));
        if (expected == 1 && candidates.Count > 1)
        {
            // One finger split by a crease or a dry patch: keep the parts that are not small next to the largest.
            var largest = candidates[0].Area;
            return [Merge(labels, field, [.. candidates.Where(c => c.Area * 4 >= largest).Select(c => c.Label)])];
        }

        return [.. candidates.Take(expected).Select(c => Merge(labels, field, [c.Label])).OrderBy(r => r.CentreX)];
    }

    private static Region Merge(Mat labels, GradientField field, HashSet<int> wanted)
    {
        var blocks = new bool[field.Columns * field.Rows];
        int count = 0, minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
        double sumX = 0;
        for (var y = 0; y < field.Rows; y++)
        {
            for (var x = 0; x < field.Columns; x++)
            {
                if (!wanted.Contains(labels.At<int>(y, x)))
                {
                    continue;
                }

                blocks[(y * field.Columns) + x] = true;
                count++;
                sumX += x;
                (minX, minY, maxX, maxY) = (Math.Min(minX, x), Math.Min(minY, y), Math.Max(maxX, x), Math.Max(maxY, y));
            }
        }

        return new Region(blocks, count, new Rect(minX, minY, maxX - minX + 1, maxY - minY + 1), sumX / count);
    }

    private static void FillHoles(Mat mask)
    {
        Cv2.FindContours(mask, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        Cv2.DrawContours(mask, contours, -1, Scalar.White, thickness: -1);
    }
}
