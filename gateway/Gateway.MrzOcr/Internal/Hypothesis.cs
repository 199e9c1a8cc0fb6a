namespace Gateway.MrzOcr.Internal;

/// <summary>One way to read a crop: these lines, each split into <see cref="Length"/> cells centred at <see cref="Centers"/>.</summary>
internal sealed record Hypothesis(TextLine[] Lines, int Length, float[][] Centers)
{
    /// <summary>Each cell's class probabilities at the centred view, once read (see <c>CandidateReader</c>).</summary>
    public float[]?[][] Centred { get; } = [.. Centers.Select(c => new float[]?[c.Length])];
}
