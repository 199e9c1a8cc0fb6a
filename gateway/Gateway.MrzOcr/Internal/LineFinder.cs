namespace Gateway.MrzOcr.Internal;

/// <summary>
/// Finds text lines in an ink mask of a crop and groups them into MRZ hypotheses (2 or 3 consecutive lines of about
/// the same length and height). The residual skew left by the locator is measured first (the shear that makes the
/// row profile sharpest), so lines are separated even when the crop is a degree or two off; each line then gets its own
/// fitted centre line, which also absorbs moderate perspective.
/// </summary>
internal static class LineFinder
{
    public static List<TextLine[]> Hypotheses(List<TextLine> lines, int max = 4)
    {
        var longest = lines.Count == 0 ? 0 : lines.Max(l => l.Length);
        lines = lines.Where(l => l.Length >= longest * 0.45f).ToList();
        var result = new List<(TextLine[] Lines, float Score, int First)>();
        foreach (var count in (int[])[3, 2])
        {
            for (var i = 0; i + count <= lines.Count; i++)
            {
                var group = lines.GetRange(i, count).ToArray();
                // Two lines of a block of three similar lines are not a two-line MRZ: that block is a TD1.
                if (Similar(group) && !result.Exists(r => r.Lines.Length == 3 && r.First <= i && i + count <= r.First + 3))
                {
                    result.Add((Aligned(group), group.Sum(l => l.Length) + (count == 3 ? longest : 0), i));
                }
            }
        }

        return result.OrderByDescending(r => r.Score).Take(max).Select(r => r.Lines).ToList();
    }

    /// <summary>
    /// MRZ lines start and end in the same columns: a line whose ends were lost in the ink mask (a portrait or a stamp
    /// printed over it, glare, faint fillers) takes the block's extent, so its cells keep the block's pitch.
    /// </summary>
    private static TextLine[] Aligned(TextLine[] group)
    {
        var (left, right) = (group.Min(l => l.Left), group.Max(l => l.Right));
        return [.. group.Select(l => l with { Left = left, Right = right })];
    }

    private static bool Similar(TextLine[] group)
    {
        var (minLength, maxLength) = (group.Min(l => l.Length), group.Max(l => l.Length));
        var (minHeight, maxHeight) = (group.Min(l => l.Height), group.Max(l => l.Height));
        if (minHeight < maxHeight * 0.55f)
        {
            return false;
        }

        // About as long, or shortened at one end only: the other end is in line with the longest line's.
        var reference = group.First(l => l.Length == maxLength);
        var tolerance = maxHeight * 1.2f;
        foreach (var line in group)
        {
            var aligned = Math.Abs(line.Left - reference.Left) <= tolerance || Math.Abs(line.Right - reference.Right) <= tolerance;
            if (line.Length < maxLength * 0.8f && !(aligned && line.Length >= maxLength * 0.55f))
            {
                return false;
            }
        }

        // Consecutive MRZ lines are less than three character heights apart.
        for (var i = 1; i < group.Length; i++)
        {
            var x = (group[i].Left + group[i].Right) / 2;
            if (group[i].CenterY(x) - group[i - 1].CenterY(x) > 3.2f * maxHeight)
            {
                return false;
            }
        }

        return true;
    }

    public static List<TextLine> Lines(byte[] mask, int width, int height)
    {
        var ink = new (int X, int Y)[mask.Length - mask.AsSpan().Count((byte)0)];
        var count = 0;
        for (var y = 0; y < height; y++)
        {
            // Run by run: the start of the next ink run, then its end.
            var row = mask.AsSpan(y * width, width);
            var x = row.IndexOfAnyExcept((byte)0);
            while (x >= 0)
            {
                var end = Next(row, x, inked: true);
                end = end < 0 ? width : end;
                for (; x < end; x++)
                {
                    ink[count++] = (x, y);
                }

                x = end < width ? Next(row, end, inked: false) : -1;
            }
        }

        var slope = BestShear(ink, width, height);

        // Each ink pixel's row under the shear, and the pixels sorted by that row (counting sort), so each band is one
        // slice of them.
        var rows = new int[ink.Length];
        var profile = new int[height];
        for (var p = 0; p < ink.Length; p++)
        {
            var (x, y) = ink[p];
            var row = (int)MathF.Round(y - (slope * (x - (width / 2f))));
            rows[p] = row;
            if (row >= 0 && row < height)
            {
                profile[row]++;
            }
        }

        var start = new int[height + 1];
        for (var row = 0; row < height; row++)
        {
            start[row + 1] = start[row] + profile[row];
        }

        var sorted = new (int X, int Y)[start[height]];
        var next = start[..height];
        for (var p = 0; p < ink.Length; p++)
        {
            if (rows[p] >= 0 && rows[p] < height)
            {
                sorted[next[rows[p]]++] = ink[p];
            }
        }

        var peak = profile.Length == 0 ? 0 : profile.Max();
        var threshold = Math.Max(3, peak * 0.12);
        var bands = new List<(int Top, int Bottom)>();
        for (var y = 0; y < height; y++)
        {
            if (profile[y] < threshold)
            {
                continue;
            }

            var top = y;
            while (y + 1 < height && (profile[y + 1] >= threshold || (y + 2 < height && profile[y + 2] >= threshold)))
            {
                y++;
            }

            if (y - top >= 3)
            {
                bands.Add((top, y));
            }
        }

        var lines = new List<TextLine>();
        foreach (var (top, bottom) in bands)
        {
            if (Line(sorted.AsSpan(start[top], start[bottom + 1] - start[top]), width, slope, top, bottom) is { } line)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>The first column from <paramref name="from"/> that is paper (<paramref name="inked"/>: the end of an ink run) or ink (the start of the next run), or −1.</summary>
    private static int Next(ReadOnlySpan<byte> row, int from, bool inked)
    {
        var next = inked ? row[from..].IndexOf((byte)0) : row[from..].IndexOfAnyExcept((byte)0);
        return next < 0 ? -1 : from + next;
    }

    /// <summary>
    /// The shear (dy/dx, within ±3°) under which the row profile is sharpest: whole degrees first, then quarter degrees
    /// around the best, on at most about 4 000 of the ink pixels.
    /// </summary>
    private static float BestShear((int X, int Y)[] ink, int width, int height)
    {
        var stride = Math.Max(1, ink.Length / 4_000);
        var histogram = new int[height];
        double Sharpness(int quarterDegrees)
        {
            var slope = MathF.Tan(quarterDegrees * 0.25f * MathF.PI / 180);
            Array.Clear(histogram);
            for (var p = 0; p < ink.Length; p += stride)
            {
                var (x, y) = ink[p];
                var row = (int)MathF.Round(y - (slope * (x - (width / 2f))));
                if (row >= 0 && row < height)
                {
                    histogram[row]++;
                }
            }

            double score = 0;
            foreach (var h in histogram)
            {
                score += (double)h * h;
            }

            return score;
        }

        var best = (Step: 0, Score: double.MinValue);
        for (var step = -12; step <= 12; step += 4)
        {
            var score = Sharpness(step);
            if (score > best.Score)
            {
                best = (step, score);
            }
        }

        var coarse = best.Step;
        for (var step = Math.Max(-12, coarse - 3); step <= Math.Min(12, coarse + 3); step++)
        {
            if (step != coarse && Sharpness(step) is var score && score > best.Score)
            {
                best = (step, score);
            }
        }

        return MathF.Tan(best.Step * 0.25f * MathF.PI / 180);
    }

    /// <summary>The text line of one band, from the ink pixels whose sheared row falls in it.</summary>
    private static TextLine? Line(ReadOnlySpan<(int X, int Y)> inBand, int width, float slope, int top, int bottom)
    {
        var bandHeight = bottom - top + 1;
        var columns = new int[width];
        foreach (var (x, _) in inBand)
        {
            columns[x]++;
        }

        // The longest run of inked columns, bridging gaps narrower than a character.
        var maxGap = (int)Math.Max(3, bandHeight * 0.9);
        int bestLeft = 0, bestRight = -1, left = -1, last = -1;
        for (var x = 0; x < width; x++)
        {
            if (columns[x] == 0)
            {
                continue;
            }

            if (left < 0 || x - last > maxGap)
            {
                left = x;
            }

            last = x;
            if (last - left > bestRight - bestLeft)
            {
                (bestLeft, bestRight) = (left, last);
            }
        }

        if (bestRight - bestLeft < bandHeight * 4)
        {
            return null;
        }

        // Centre line: least squares through the ink centroids of eight chunks.
        var chunks = 8;
        var sums = new (double Y, double X, int N)[chunks];
        foreach (var (x, y) in inBand)
        {
            if (x < bestLeft || x > bestRight)
            {
                continue;
            }

            var c = Math.Min(chunks - 1, (x - bestLeft) * chunks / (bestRight - bestLeft + 1));
            sums[c] = (sums[c].Y + y, sums[c].X + x, sums[c].N + 1);
        }

        var points = sums.Where(s => s.N > 0).Select(s => (X: s.X / s.N, Y: s.Y / s.N)).ToArray();
        if (points.Length < 2)
        {
            return null;
        }

        var (mx, my) = (points.Average(p => p.X), points.Average(p => p.Y));
        var sxx = points.Sum(p => (p.X - mx) * (p.X - mx));
        var b = sxx == 0 ? slope : points.Sum(p => (p.X - mx) * (p.Y - my)) / sxx;
        var a = my - (b * mx);
        var lineHeight = Math.Max(bandHeight * 0.6f, bandHeight - (MathF.Abs((float)b - slope) * (bestRight - bestLeft)));
        return new TextLine(bestLeft, bestRight, (float)a, (float)b, lineHeight);
    }
}
