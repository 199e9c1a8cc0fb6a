namespace Gateway.Mrz;

/// <summary>A warning or error found while reading an MRZ.</summary>
/// <param name="Severity">Warning or error.</param>
/// <param name="Code">A stable code for programs.</param>
/// <param name="Line">1-based line in the MRZ (after blank lines are dropped), or 0 when the issue concerns the whole input.</param>
/// <param name="Column">1-based column in that line (before surrounding whitespace is trimmed for whitespace issues), or 0.</param>
/// <param name="Message">A sentence for people; never contains more of the MRZ than the characters concerned.</param>
public readonly record struct MrzIssue(MrzSeverity Severity, MrzIssueCode Code, int Line, int Column, string Message);
