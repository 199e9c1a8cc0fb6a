namespace Gateway.Mrz;

/// <summary>One field of a parsed MRZ: where it is printed, what is printed there and its normalised value.</summary>
/// <param name="Name">Which field this is.</param>
/// <param name="Line">1-based line of the first character.</param>
/// <param name="Column">1-based column of the first character.</param>
/// <param name="Length">Number of printed characters.</param>
/// <param name="Raw">The characters exactly as read (before any OCR correction), fillers included.</param>
/// <param name="Value">
/// The normalised value: after accepted corrections, fillers trimmed, <c>&lt;</c> between name parts turned into spaces,
/// long document numbers joined with their continuation.
/// </param>
public sealed record MrzField(MrzFieldName Name, int Line, int Column, int Length, string Raw, string Value);
