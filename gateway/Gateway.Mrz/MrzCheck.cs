namespace Gateway.Mrz;

/// <summary>The outcome of one check digit.</summary>
/// <param name="Name">Which check digit.</param>
/// <param name="Line">1-based line of the check digit.</param>
/// <param name="Column">1-based column of the check digit.</param>
/// <param name="Expected">The digit computed from the data (7-3-1 weighting).</param>
/// <param name="Found">The character printed in the check-digit position.</param>
/// <param name="Passed">Whether the printed character is accepted (possibly under a tolerance in <see cref="MrzResult.Tolerances"/>).</param>
public readonly record struct MrzCheck(MrzCheckName Name, int Line, int Column, char Expected, char Found, bool Passed);
