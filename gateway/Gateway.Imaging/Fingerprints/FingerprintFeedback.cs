namespace Gateway.Imaging.Fingerprints;

/// <summary>
/// Stable codes of the instruction for the traveller, from the quality measures; the gateway translates them for the
/// officer.
/// </summary>
public static class FingerprintFeedback
{
    /// <summary>Every finger is present and good enough.</summary>
    public const string Good = "good";

    /// <summary>No fingerprint was found in the image.</summary>
    public const string NoFinger = "no_finger";

    /// <summary>Fewer fingers than asked for were found: place the fingers flat, side by side, slightly apart.</summary>
    public const string PlaceFingersFlat = "place_fingers_flat";

    /// <summary>Only part of the fingertip touched the scanner.</summary>
    public const string FingerPartial = "finger_partial";

    /// <summary>Ridges are faint (light, low contrast): press harder.</summary>
    public const string PressHarder = "press_harder";

    /// <summary>Ridges are thin and broken: the finger is too dry.</summary>
    public const string TooDry = "too_dry";

    /// <summary>Ridges run together and the print is dark: the finger is too wet.</summary>
    public const string TooWet = "too_wet";

    /// <summary>Ridges are unclear for another reason (smudged, blurred, moved): clean the scanner and place the finger again.</summary>
    public const string PoorQuality = "poor_quality";
}
