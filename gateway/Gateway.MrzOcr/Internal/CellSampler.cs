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
        // drifts off mid-line, by a whole glyph on a steep view. The grid whose borders cut through the least ink (with
        // each cell near the mean pitch) follows the glyphs; it is kept when it cuts less ink than the even grid.
        var evenInk = BorderInk(columns, grid);
        if (evenInk > CleanBorders * MeanInk(columns, first, last) * 3 * (count - 1)
            && Borders(columns, first, last, count) is { } fitted && BorderInk(columns, fitted) < evenInk)
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
    /// The grid whose cell borders cut through the least ink, by dynamic programming: borders between the first and last
    /// glyphs' outer edges, each cell 0.8 to 1.25 of the mean pitch wide, a small cost for each pixel a cell's width is
    /// off the mean pitch. Follows any smooth or uneven change of pitch along the line.
    /// </summary>
    private static float[]? Borders(float[] columns, float first, float last, int count)
    {
        var pitch = (last - first) / (count - 1);
        var (lo, hi) = ((int)MathF.Floor(pitch * 0.8f), (int)MathF.Ceiling(pitch * 1.25f));
        var start = (int)MathF.Round(first - (pitch / 2));
        var end = (int)MathF.Round(last + (pitch / 2));
        if (lo < 2 || start < 0 || end >= columns.Length)
        {
            return null;
        }

        var width = end - start + 1;
        float Ink(int x) => columns[Math.Max(0, x - 1)] + columns[x] + columns[Math.Min(columns.Length - 1, x + 1)];

        // cost[k][x]: the least ink of borders 1..k with border k at start + x; border 0 is at start.
        var cost = new float[count + 1][];
        var from = new int[count + 1][];
        for (var k = 0; k <= count; k++)
        {
            cost[k] = new float[width];
            from[k] = new int[width];
            Array.Fill(cost[k], float.PositiveInfinity);
        }

        cost[0][0] = 0;
        var penalty = Math.Max(1f, columns.Max() * 0.05f);
        for (var k = 1; k <= count; k++)
        {
            // Border k leaves room for the cells before it and after it.
            var (fromX, toX) = (Math.Max(k * lo, width - 1 - ((count - k) * hi)), Math.Min(k * hi, width - 1 - ((count - k) * lo)));
            for (var x = fromX; x <= toX; x++)
            {
                var best = float.PositiveInfinity;
                var arg = -1;
                for (var step = lo; step <= hi && x - step >= 0; step++)
                {
                    var c = cost[k - 1][x - step] + (penalty * MathF.Abs(step - pitch));
                    if (c < best)
                    {
                        (best, arg) = (c, x - step);
                    }
                }

                if (arg >= 0)
                {
                    cost[k][x] = best + (k < count ? Ink(start + x) : 0);
                    from[k][x] = arg;
                }
            }
        }

        if (float.IsPositiveInfinity(cost[count][width - 1]))
        {
            return null;
        }

        var borders = new int[count + 1];
        borders[count] = width - 1;
        for (var k = count; k > 0; k--)
        {
            borders[k - 1] = from[k][borders[k]];
        }

        var grid = new float[count];
        for (var i = 0; i < count; i++)
        {
            grid[i] = start + ((borders[i] + borders[i + 1]) / 2f);
        }

        return grid;
    }

    /// <summary>
    /// Below this share of a line's mean column ink, the even grid's borders lie in the gaps between glyphs (a flat scan
    /// or crop) and no other grid is looked for.
    /// </summary>
    private const float CleanBorders = 0.15f;

    private static float MeanInk(float[] columns, float first, float last)
    {
        var (from, to) = ((int)Math.Max(0, first), (int)Math.Min(columns.Length - 1, last));
        var sum = 0f;
        for (var x = from; x <= to; x++)
        {
            sum += columns[x];
        }

        return sum / Math.Max(1, to - from + 1);
    }

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
        var (stepX, stepY) = (cellWidth / CellWidth, cellHeight / CellHeight);
        var (left, top) = (cx - (cellWidth / 2) + (stepX / 2), cy - (cellHeight / 2) + (stepY / 2));
        // Whether every sample falls inside the crop (the usual case): the samples need no clamping then.
        var reach = MathF.Abs(line.B) * cellWidth / 2;
        var inside = left >= 0 && left + cellWidth <= maxX && top - reach >= 0 && top + cellHeight + reach <= maxY;
        for (var r = 0; r < CellHeight; r++)
        {
            var rowY = top + (r * stepY) - (line.B * (cellWidth / 2)) + (line.B * (stepX / 2));
            var row = features.Slice(r * CellWidth, CellWidth);
            for (var c = 0; c < CellWidth; c++)
            {
                var dx = c * stepX;
                var (x, y) = (left + dx, rowY + (line.B * dx));
                if (!inside)
                {
                    (x, y) = (Math.Clamp(x, 0, maxX), Math.Clamp(y, 0, maxY));
                }

                var (x0, y0) = ((int)x, (int)y);
                var (fx, fy) = (x - x0, y - y0);
                var i = (y0 * width) + x0;
                var upper = gray[i] + ((gray[i + 1] - gray[i]) * fx);
                var lower = gray[i + width] + ((gray[i + width + 1] - gray[i + width]) * fx);
                var g = upper + ((lower - upper) * fy);
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
