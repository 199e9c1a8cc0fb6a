using OpenCvSharp;

namespace Gateway.MrzOcr.Internal;

/// <summary>
/// Turns a located candidate into the box of the whole text block it belongs to. The locator may find part of an MRZ
/// only (one or two lines of a TD1, or a run of fillers on a high-resolution scan, closed into a block of its own); a
/// wide, low-resolution view around the candidate shows the whole lines, and the consecutive long lines of similar height
/// through the candidate (at most three) make the block.
/// </summary>
internal static class BlockRefiner
{
    /// <summary>How much longer than the candidate the view is.</summary>
    private const float Context = 3f;

    /// <summary>
    /// How far across the text the view reaches at most, in candidate thicknesses. A quarter of the view's length
    /// across (as wide as it once was) is mostly page above and below the block; six thicknesses find the same blocks on
    /// the evaluation and tuning sets (four lost three) for half the pixels.
    /// </summary>
    private const float Reach = 6f;

    /// <summary>
    /// The length in line heights above which two lines are a whole two-line MRZ (TD2 and TD3 lines measure 32 to 40,
    /// a TD1's 30-character lines about 27): its box then needs no room for a third line.
    /// </summary>
    private const float TwoLongLines = 33f;

    /// <summary>The block's box (long side along the text), or the candidate itself when no text line runs through it.</summary>
    public static RotatedRect Refine(Mat gray, RotatedRect box)
    {
        var (longSide, shortSide) = (Math.Max(box.Size.Width, box.Size.Height), Math.Min(box.Size.Width, box.Size.Height));
        var wide = box.Size.Width >= box.Size.Height
            ? new Size2f(longSide * Context, shortSide)
            : new Size2f(shortSide, longSide * Context);
        using var crop = MrzCrop.Cut(gray, new RotatedRect(box.Center, wide, box.Angle), flipped: false, Math.Min(shortSide * Reach, longSide * Context * 0.24f));
        var scale = crop.Scale;
        var lines = LineFinder.Lines(CandidateReader.Mask(crop), crop.Width, crop.Height);
        var (cx, cy) = (crop.Width / 2f, crop.Height / 2f);
        var reach = longSide * scale / 2;
        var seed = lines
            .Where(l => l.Left <= cx + reach && l.Right >= cx - reach && Math.Abs(l.CenterY(cx) - cy) <= Math.Max(shortSide * scale / 2, l.Height))
            .OrderByDescending(l => l.Length)
            .FirstOrDefault();
        if (seed is null || seed.Length < reach)
        {
            return box;
        }

        var index = lines.IndexOf(seed);
        var (first, last) = (index, index);
        while (first > 0 && Near(lines[first - 1], lines[first], seed) && last - first < 2)
        {
            first--;
        }

        while (last < lines.Count - 1 && Near(lines[last + 1], lines[last], seed) && last - first < 2)
        {
            last++;
        }

        var block = lines.GetRange(first, last - first + 1);
        var (left, right) = (block.Min(l => l.Left), block.Max(l => l.Right));
        var middle = (left + right) / 2;
        var top = block[0].CenterY(middle) - (block[0].Height * 0.8f);
        var bottom = block[^1].CenterY(middle) + (block[^1].Height * 0.8f);
        var center = crop.ToSource(middle, (top + bottom) / 2);
        var along = crop.ToSource(middle + 100, ((top + bottom) / 2) + (100 * seed.B)) - center;
        var angle = (float)(Math.Atan2(along.Y, along.X) * 180 / Math.PI);
        // Tall enough for three lines, so that a line this view missed is still in the reader's crop; two lines as long
        // as a TD2's or TD3's are a whole block already.
        var whole = block.Count == 2 && block.Average(l => l.Length / l.Height) > TwoLongLines;
        var height = Math.Max((bottom - top) / scale, whole ? 0 : (right - left) / scale * 0.2f);
        var length = Math.Max((right - left) / scale, height * 2.6f);
        return new RotatedRect(center, new Size2f(length, height), angle);
    }

    /// <summary>
    /// A neighbour of <paramref name="line"/> in the same block: about as tall as the seed, less than three heights away,
    /// and at least half as long (glare or a stamp can break a line in this coarse view).
    /// </summary>
    private static bool Near(TextLine candidate, TextLine line, TextLine seed)
    {
        var x = (seed.Left + seed.Right) / 2;
        return candidate.Length >= seed.Length * 0.5f && candidate.Length <= seed.Length * 1.25f
            && candidate.Height >= seed.Height * 0.6f && candidate.Height <= seed.Height * 1.6f
            && Math.Abs(candidate.CenterY(x) - line.CenterY(x)) < 3.2f * Math.Max(seed.Height, candidate.Height);
    }
}
