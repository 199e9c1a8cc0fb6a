namespace Gateway.Barcodes;

/// <summary>A warning or error found while reading a payload.</summary>
/// <param name="Severity">Warning or error.</param>
/// <param name="Code">A stable snake_case code for programs, e.g. <c>truncated</c>, <c>size_not_hex</c>.</param>
/// <param name="Offset">
/// 0-based offset in the input where the problem is: a character offset for string input, a byte offset for byte input
/// (the parsers read bytes one to one as Latin-1, so both agree).
/// </param>
/// <param name="Message">A sentence for people; never holds more of the payload than the characters concerned.</param>
public readonly record struct PayloadIssue(IssueSeverity Severity, string Code, int Offset, string Message);
