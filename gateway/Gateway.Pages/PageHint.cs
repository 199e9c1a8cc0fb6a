namespace Gateway.Pages;

/// <summary>
/// A basic authenticity hint that needs no vendor data. A hint, not proof: a good forgery passes it and a worn genuine
/// document may fail it.
/// </summary>
/// <param name="Name">Stable name, e.g. <c>page.hint.mrz_visible_ir</c> (see <see cref="PageHints"/>).</param>
/// <param name="Outcome">What the hint found.</param>
/// <param name="Detail">The measures behind it, in English, for technicians (no personal data).</param>
public sealed record PageHint(string Name, PageHintOutcome Outcome, string Detail)
{
    /// <summary>What was measured (the hint's own unit), when it was measured.</summary>
    public double? Measure { get; init; }

    /// <summary>The least <see cref="Measure"/> that passes.</summary>
    public double Minimum { get; init; }

    /// <summary>
    /// Why the hint was decided without a measure: <c>read_under_infrared</c> (passed: the MRZ was read under
    /// infrared), <c>no_infrared</c>, <c>no_mrz</c>, <c>no_portrait</c> (not applicable).
    /// </summary>
    public string? Reason { get; init; }
}

/// <summary>What a <see cref="PageHint"/> found.</summary>
public enum PageHintOutcome
{
    /// <summary>The document behaves as an ICAO-conformant one does.</summary>
    Passed = 1,

    /// <summary>It does not.</summary>
    Failed = 2,

    /// <summary>The hint cannot be judged (no infrared image, no MRZ or portrait to look at).</summary>
    NotApplicable = 3,
}

/// <summary>The names of the hints.</summary>
public static class PageHints
{
    /// <summary>The MRZ is visible under infrared light, as Doc 9303 requires of MRZ ink (B900 band).</summary>
    public const string MrzVisibleInfrared = "page.hint.mrz_visible_ir";

    /// <summary>The printed portrait stays dark under infrared light, as carbon-based portrait printing does.</summary>
    public const string PortraitDarkInfrared = "page.hint.portrait_dark_ir";
}
