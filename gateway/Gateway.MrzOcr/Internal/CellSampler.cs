namespace Gateway.MrzOcr.Internal;

/// <summary>
/// Cuts one MRZ line into its fixed-pitch OCR-B cells and turns each into the recogniser's input: the cell resampled to
/// <see cref="CellWidth"/> × <see cref="CellHeight"/>, ink 1 and paper 0 by the line's own contrast. The pitch comes
/// from the first and last glyphs' centres (every MRZ position is printed, fillers included); each cell then centres on
/// its own ink within a small shift.
/// </summary>
internal static class CellSampler
{
    public const int CellWidth = 16;
    public const int CellHeight = 20;
    public const int Features = CellWidth * CellHeight;

    /// <summary>The cell centres of <paramref name="line"/> split into <paramref name="count"/> characters.</summary>
    public static float[] Centers(byte[] mask, int width, int height, TextLine line, int count)
    {
        var columns = new float[width];
        var half = line.Height * 0.6f;
        var (from, to) = ((int)Math.Max(0, line.Left - 2), (int)Math.Min(width - 1, line.Right + 2));
        for (var x = from; x <= to; x++)
        {
            var cy = line.CenterY(x);
            var (y0, y1) = ((int)Math.Max(0, cy - half), (int)Math.Min(height - 1, cy + half));
            var n = 0;
            for (var y = y0; y <= y1; y++)
            {
                n += mask[(y * width) + x] != 0 ? 1 : 0;
            }

            columns[x] = n;
        }

        var rough = line.Length / (count - 0.3f);
        var first = Centroid(columns, line.Left, line.Left + (0.8f * rough)) ?? line.Left + (0.35f * rough);
        var last = Centroid(columns, line.Right - (0.8f * rough), line.Right) ?? line.Right - (0.35f * rough);
        var pitch = (last - first) / (count - 1);
        var centers = new float[count];
        for (var i = 0; i < count; i++)
        {
            var expected = first + (i * pitch);
            var own = Centroid(columns, expected - (0.45f * pitch), expected + (0.45f * pitch)) ?? expected;
            centers[i] = expected + Math.Clamp(own - expected, -0.12f * pitch, 0.12f * pitch);
        }

        return centers;
    }

    /// <summary>The recogniser's inputs for each cell, one after the other, and the pitch used.</summary>
    public static float[] Sample(byte[] gray, int width, int height, TextLine line, float[] centers, float jitterX = 0, float jitterY = 0)
    {
        var pitch = centers.Length > 1 ? (centers[^1] - centers[0]) / (centers.Length - 1) : line.Height;
        var (ink, paper) = Contrast(gray, width, height, line);
        var range = Math.Max(paper - ink, 24f);
        var features = new float[centers.Length * Features];
        var cellWidth = pitch * 1.1f;
        var cellHeight = line.Height * 1.5f;
        for (var i = 0; i < centers.Length; i++)
        {
            var cx = centers[i] + (jitterX * pitch);
            var cy = line.CenterY(cx) + (jitterY * line.Height);
            var offset = i * Features;
            for (var r = 0; r < CellHeight; r++)
            {
                var y = cy + (((r + 0.5f) / CellHeight) - 0.5f) * cellHeight;
                for (var c = 0; c < CellWidth; c++)
                {
                    var x = cx + (((c + 0.5f) / CellWidth) - 0.5f) * cellWidth;
                    var g = Bilinear(gray, width, height, x, y + (line.B * (x - cx)));
                    features[offset + (r * CellWidth) + c] = Math.Clamp((paper - g) / range, 0f, 1f);
                }
            }
        }

        return features;
    }

    private static (float Ink, float Paper) Contrast(byte[] gray, int width, int height, TextLine line)
    {
        var values = new List<byte>();
        for (var x = (int)Math.Max(0, line.Left); x <= Math.Min(width - 1, line.Right); x += 2)
        {
            var cy = line.CenterY(x);
            for (var y = (int)Math.Max(0, cy - line.Height); y <= Math.Min(height - 1, cy + line.Height); y += 2)
            {
                values.Add(gray[(y * width) + x]);
            }
        }

        if (values.Count == 0)
        {
            return (0, 255);
        }

        values.Sort();
        return (values[values.Count * 3 / 100], values[values.Count * 90 / 100]);
    }

    private static float? Centroid(float[] columns, float from, float to)
    {
        double sum = 0, weighted = 0;
        for (var x = (int)Math.Max(0, MathF.Ceiling(from)); x <= Math.Min(columns.Length - 1, (int)to); x++)
        {
            sum += columns[x];
            weighted += columns[x] * x;
        }

        return sum > 0 ? (float)(weighted / sum) : null;
    }

    private static float Bilinear(byte[] gray, int width, int height, float x, float y)
    {
        x = Math.Clamp(x, 0, width - 1.001f);
        y = Math.Clamp(y, 0, height - 1.001f);
        var (x0, y0) = ((int)x, (int)y);
        var (fx, fy) = (x - x0, y - y0);
        var i = (y0 * width) + x0;
        var top = (gray[i] * (1 - fx)) + (gray[i + 1] * fx);
        var bottom = (gray[i + width] * (1 - fx)) + (gray[i + width + 1] * fx);
        return (top * (1 - fy)) + (bottom * fy);
    }
}
