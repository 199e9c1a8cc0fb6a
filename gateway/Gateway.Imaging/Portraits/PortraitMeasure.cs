namespace Gateway.Imaging.Portraits;

/// <summary>One quality measure of a portrait frame, with the threshold it was held to.</summary>
/// <param name="Name">Stable dotted name, one of <see cref="PortraitMeasureNames"/>.</param>
/// <param name="Value">The measured value (units in <see cref="PortraitMeasureNames"/>); NaN when not measured.</param>
/// <param name="Threshold">The rule, e.g. <c>≥ 60</c>, <c>0.25–0.70</c>, <c>|x| ≤ 0.10</c>.</param>
/// <param name="Outcome">Whether the value meets the threshold, or the measure did not apply (no face, no eyes).</param>
/// <param name="Feedback">What to ask of the traveller when it fails.</param>
public sealed record PortraitMeasure(string Name, double Value, string Threshold, MeasureOutcome Outcome, PortraitFeedback Feedback)
{
    /// <summary>True unless the measure failed (not applicable counts as not failed).</summary>
    public bool Acceptable => Outcome != MeasureOutcome.Failed;

    /// <summary>Value and threshold for people, invariant culture: <c>0.31 (0.25–0.70)</c>.</summary>
    public string Detail => Outcome == MeasureOutcome.NotApplicable
        ? $"not measured ({Threshold})"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Value:0.###} ({Threshold})");
}

/// <summary>The result of one measure.</summary>
public enum MeasureOutcome
{
    /// <summary>The value meets the threshold.</summary>
    Passed = 1,

    /// <summary>The value misses the threshold.</summary>
    Failed = 2,

    /// <summary>The measure could not be taken (no face, eyes not found).</summary>
    NotApplicable = 3,
}
