namespace Gateway.Mrz;

/// <summary>An MRZ date (<c>YYMMDD</c>) with its century resolved; parts may be unknown.</summary>
/// <param name="Status">Complete, partial, unknown, invalid or absent.</param>
/// <param name="Year">The four-digit year, or null when unknown or unreadable.</param>
/// <param name="Month">The month 1–12, or null when unknown or impossible.</param>
/// <param name="Day">The day of month, or null when unknown or impossible.</param>
/// <param name="CenturyRule">The rule that resolved the century of <paramref name="Year"/>.</param>
public readonly record struct MrzDate(MrzDateStatus Status, int? Year, int? Month, int? Day, MrzCenturyRule CenturyRule)
{
    /// <summary>The calendar date when <see cref="Status"/> is <see cref="MrzDateStatus.Complete"/>, else null.</summary>
    public DateOnly? Value =>
        Status == MrzDateStatus.Complete && Year is { } y and >= 1 and <= 9999 && Month is { } m && Day is { } d ? new DateOnly(y, m, d) : null;
}
