using Gateway.Mrz;

namespace Gateway.MrzOcr;

/// <summary>
/// For a camera stream: accepts an MRZ once the same valid text was read in <see cref="RequiredFrames"/> consecutive
/// frames. A frame without a valid read, or with another text, starts the count again. Not thread-safe: one per stream.
/// </summary>
public sealed class MrzStabilizer
{
    private string? _text;
    private int _count;

    /// <summary>Creates a stabilizer.</summary>
    /// <param name="requiredFrames">Consecutive identical valid reads needed, at least 1. Default 3.</param>
    public MrzStabilizer(int requiredFrames = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requiredFrames, 1);
        RequiredFrames = requiredFrames;
    }

    /// <summary>Consecutive identical valid reads needed.</summary>
    public int RequiredFrames { get; }

    /// <summary>Consecutive identical valid reads so far.</summary>
    public int Count => _count;

    /// <summary>Offers one frame's read; returns the MRZ on the frame that completes the run (and on each later identical one), else null.</summary>
    /// <param name="result">The frame's read.</param>
    public MrzResult? Offer(MrzOcrResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Mrz is not { Valid: true } mrz)
        {
            Reset();
            return null;
        }

        var text = string.Join('\n', mrz.CorrectedLines);
        _count = text == _text ? _count + 1 : 1;
        _text = text;
        return _count >= RequiredFrames ? mrz : null;
    }

    /// <summary>Starts the count again (a new document).</summary>
    public void Reset()
    {
        _text = null;
        _count = 0;
    }
}
