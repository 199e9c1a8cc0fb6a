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
    public static float[] Centers(byte[] mask, int width, int height, TextLine line, int count) =>
        Centers(Columns(mask, width, height, line), line, count);

    private static float[] Columns(byte[] mask, int width, int height, TextLine line)
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

        return columns;
    }

    private static float[] Centers(float[] columns, TextLine line, int count)
    {
        var rough = line.Length / (count - 0.3f);
        var first = Centroid(columns, line.Left, line.Left + (0.8f * rough)) ?? line.Left + (0.35f * rough);
        var last = Centroid(columns, line.Right - (0.8f * rough), line.Right) ?? line.Right - (0.35f * rough);
        var pitch = (last - first) / (count - 1);
        var grid = new float[count];
        for (var i = 0; i < count; i++)
        {
            grid[i] = first + (i * pitch);
        }

        // Perspective shrinks the pitch along a line (a camera held at an angle): an even grid between the end glyphs
        // drifts half a cell off mid-line. A grid whose pitch changes evenly, fitted to the glyphs' own centres, follows
        // them; it is kept only when fewer of its cell borders cut through ink.
        if (Refit(columns, grid, pitch) is { } fitted && BorderInk(columns, fitted) < BorderInk(columns, grid))
        {
            grid = fitted;
        }

        var centers = new float[count];
        for (var i = 0; i < count; i++)
        {
            var local = i + 1 < count ? grid[i + 1] - grid[i] : grid[i] - grid[i - 1];
            var own = Centroid(columns, grid[i] - (0.45f * local), grid[i] + (0.45f * local)) ?? grid[i];
            centers[i] = grid[i] + Math.Clamp(own - grid[i], -0.12f * local, 0.12f * local);
        }

        return centers;
    }

    /// <summary>
    /// A grid x = a + b·i + c·i² fitted (least squares, twice, dropping glyphs far off it) to each cell's own ink centre,
    /// starting from <paramref name="grid"/>; null when it does not fit.
    /// </summary>
    private static float[]? Refit(float[] columns, float[] grid, float pitch)
    {
        var count = grid.Length;
        var current = grid;
        for (var round = 0; round < 3; round++)
        {
            var points = new List<(double I, double X)>();
            for (var i = 0; i < count; i++)
            {
                if (Centroid(columns, current[i] - (0.45f * pitch), current[i] + (0.45f * pitch)) is { } own && Math.Abs(own - current[i]) < 0.3f * pitch)
                {
                    points.Add((i, own));
                }
            }

            if (points.Count < count / 2 || Quadratic(points) is not { } q)
            {
                return null;
            }

            var next = new float[count];
            for (var i = 0; i < count; i++)
            {
                next[i] = (float)(q.A + (q.B * i) + (q.C * i * i));
            }

            // The pitch may change along the line, not reverse or double.
            var (start, end) = (next[1] - next[0], next[^1] - next[^2]);
            if (start < 0.6f * pitch || end < 0.6f * pitch || start > 1.6f * pitch || end > 1.6f * pitch)
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    private static (double A, double B, double C)? Quadratic(List<(double I, double X)> points)
    {
        // Normal equations of the least-squares quadratic, solved by Cramer's rule.
        double s0 = points.Count, s1 = 0, s2 = 0, s3 = 0, s4 = 0, t0 = 0, t1 = 0, t2 = 0;
        foreach (var (i, x) in points)
        {
            var i2 = i * i;
            (s1, s2, s3, s4) = (s1 + i, s2 + i2, s3 + (i2 * i), s4 + (i2 * i2));
            (t0, t1, t2) = (t0 + x, t1 + (x * i), t2 + (x * i2));
        }

        var det = Det(s0, s1, s2, s1, s2, s3, s2, s3, s4);
        if (Math.Abs(det) < 1e-9)
        {
            return null;
        }

        return (Det(t0, s1, s2, t1, s2, s3, t2, s3, s4) / det, Det(s0, t0, s2, s1, t1, s3, s2, t2, s4) / det, Det(s0, s1, t0, s1, s2, t1, s2, s3, t2) / det);
    }

    private static double Det(double a, double b, double c, double d, double e, double f, double g, double h, double i) =>
        (a * ((e * i) - (f * h))) - (b * ((d * i) - (f * g))) + (c * ((d * h) - (e * g)));

    /// <summary>The ink on the borders between neighbouring cells (a well placed grid cuts between glyphs).</summary>
    private static double BorderInk(float[] columns, float[] grid)
    {
        double ink = 0;
        for (var i = 0; i + 1 < grid.Length; i++)
        {
            var x = (int)MathF.Round((grid[i] + grid[i + 1]) / 2);
            for (var dx = -1; dx <= 1; dx++)
            {
                ink += columns[Math.Clamp(x + dx, 0, columns.Length - 1)];
            }
        }

        return ink;
    }

    /// <summary>The recogniser's inputs for each cell of the line, one after the other.</summary>
    public static float[] Sample(byte[] gray, int width, int height, TextLine line, float[] centers, float jitterX = 0, float jitterY = 0)
    {
        var contrast = Contrast(gray, width, height, line);
        var pitch = Pitch(line, centers);
        var features = new float[centers.Length * Features];
        for (var i = 0; i < centers.Length; i++)
        {
            SampleCell(gray, width, height, line, contrast, centers[i], pitch, jitterX, jitterY, features.AsSpan(i * Features, Features));
        }

        return features;
    }

    /// <summary>The mean distance between cell centres.</summary>
    public static float Pitch(TextLine line, float[] centers) =>
        centers.Length > 1 ? (centers[^1] - centers[0]) / (centers.Length - 1) : line.Height;

    /// <summary>
    /// One cell's inputs: the cell centred on <paramref name="center"/> (shifted by <paramref name="jitterX"/> pitches and
    /// <paramref name="jitterY"/> line heights), resampled along the line's slope, ink 1 and paper 0.
    /// </summary>
    public static void SampleCell(byte[] gray, int width, int height, TextLine line, LineContrast contrast, float center, float pitch, float jitterX, float jitterY, Span<float> features)
    {
        var cellWidth = pitch * 1.1f;
        var cellHeight = line.Height * 1.5f;
        var cx = center + (jitterX * pitch);
        var cy = line.CenterY(cx) + (jitterY * line.Height);
        var (paper, scale) = (contrast.Paper, 1f / contrast.Range);
        var (maxX, maxY) = (width - 1.001f, height - 1.001f);
        for (var r = 0; r < CellHeight; r++)
        {
            var dy = (((r + 0.5f) / CellHeight) - 0.5f) * cellHeight;
            var row = features.Slice(r * CellWidth, CellWidth);
            for (var c = 0; c < CellWidth; c++)
            {
                var dx = (((c + 0.5f) / CellWidth) - 0.5f) * cellWidth;
                var x = Math.Clamp(cx + dx, 0, maxX);
                var y = Math.Clamp(cy + dy + (line.B * dx), 0, maxY);
                var (x0, y0) = ((int)x, (int)y);
                var (fx, fy) = (x - x0, y - y0);
                var i = (y0 * width) + x0;
                var top = gray[i] + ((gray[i + 1] - gray[i]) * fx);
                var bottom = gray[i + width] + ((gray[i + width + 1] - gray[i + width]) * fx);
                var g = top + ((bottom - top) * fy);
                row[c] = Math.Clamp((paper - g) * scale, 0f, 1f);
            }
        }
    }

    /// <summary>
    /// The line's ink and paper levels (3rd and 90th percentiles of the pixels around it, every other row and column),
    /// from a histogram.
    /// </summary>
    public static LineContrast Contrast(byte[] gray, int width, int height, TextLine line)
    {
        Span<int> histogram = stackalloc int[256];
        var count = 0;
        for (var x = (int)Math.Max(0, line.Left); x <= Math.Min(width - 1, line.Right); x += 2)
        {
            var cy = line.CenterY(x);
            for (var y = (int)Math.Max(0, cy - line.Height); y <= Math.Min(height - 1, cy + line.Height); y += 2)
            {
                histogram[gray[(y * width) + x]]++;
                count++;
            }
        }

        if (count == 0)
        {
            return new LineContrast(0, 255);
        }

        return new LineContrast(Percentile(histogram, count * 3 / 100), Percentile(histogram, count * 90 / 100));
    }

    /// <summary>The value at 0-based rank <paramref name="rank"/> of the sorted samples.</summary>
    private static byte Percentile(ReadOnlySpan<int> histogram, int rank)
    {
        var seen = 0;
        for (var v = 0; v < 256; v++)
        {
            seen += histogram[v];
            if (seen > rank)
            {
                return (byte)v;
            }
        }

        return 255;
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
}

/// <summary>A line's ink and paper grey levels; <see cref="Range"/> is never below 24 (a blank line is not stretched into noise).</summary>
internal readonly record struct LineContrast(float Ink, float Paper)
{
    public float Range => Math.Max(Paper - Ink, 24f);
}
