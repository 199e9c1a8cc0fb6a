namespace Gateway.MrzOcr.Internal;

/// <summary>
/// A candidate cut out one way up: the crop, its ink mask, its text lines, and its MRZ hypotheses, made on first use
/// and kept (the way-up test reads the first hypothesis, the reader then goes on from it without making it again).
/// </summary>
internal sealed class CutCrop(MrzCrop crop, byte[] mask, List<TextLine> lines) : IDisposable
{
    private readonly List<Hypothesis> _made = [];
    private IEnumerator<Hypothesis>? _making;

    public MrzCrop Crop => crop;

    public byte[] Mask => mask;

    public List<TextLine> Lines => lines;

    /// <summary>The hypotheses, the likeliest first.</summary>
    public IEnumerable<Hypothesis> Hypotheses()
    {
        for (var i = 0; ; i++)
        {
            if (i == _made.Count)
            {
                _making ??= CandidateReader.Hypotheses(crop, mask, lines).GetEnumerator();
                if (!_making.MoveNext())
                {
                    yield break;
                }

                _made.Add(_making.Current);
            }

            yield return _made[i];
        }
    }

    /// <summary>
    /// The same cut turned half a turn, as cutting with the other way up would give it: every pixel (x, y) of the crop
    /// and of the mask goes to (W−1−x, H−1−y), and the lines are turned with them rather than found again.
    /// </summary>
    public CutCrop Turned()
    {
        var (right, bottom) = (crop.Width - 1, crop.Height - 1);
        var turnedMask = (byte[])mask.Clone();
        Array.Reverse(turnedMask);
        var turnedLines = lines.Select(l => new TextLine(right - l.Right, right - l.Left, bottom - l.A - (l.B * right), l.B, l.Height)).Reverse().ToList();
        return new CutCrop(crop.Turned(), turnedMask, turnedLines);
    }

    public void Dispose()
    {
        _making?.Dispose();
        crop.Dispose();
    }
}
