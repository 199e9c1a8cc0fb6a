namespace Gateway.Imaging.Portraits;

/// <summary>The quality of one frame as a portrait: every measure, and what to ask of the traveller.</summary>
/// <param name="Measures">Every measure in <see cref="PortraitMeasureNames.All"/> order.</param>
/// <param name="Face">The largest face, if any.</param>
/// <param name="Eyes">The eyes of <paramref name="Face"/>: detected, or estimated from the face box.</param>
public sealed record PortraitAnalysis(IReadOnlyList<PortraitMeasure> Measures, FaceRegion? Face, EyePositions? Eyes)
{
    /// <summary>True when no measure failed.</summary>
    public bool Passed => Measures.All(m => m.Acceptable);

    /// <summary>The first failing measure's feedback, or <see cref="PortraitFeedback.Ready"/>.</summary>
    public PortraitFeedback Feedback => Measures.FirstOrDefault(m => !m.Acceptable)?.Feedback ?? PortraitFeedback.Ready;

    /// <summary>The measure named <paramref name="name"/>.</summary>
    /// <param name="name">One of <see cref="PortraitMeasureNames"/>.</param>
    public PortraitMeasure this[string name] => Measures.First(m => m.Name == name);
}
