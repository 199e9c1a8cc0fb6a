namespace Gateway.Mrz;

/// <summary>Settings of one parse. Immutable; <see cref="Default"/> is shared.</summary>
public sealed record MrzParseOptions
{
    /// <summary>The defaults: correction on, reference date from <see cref="TimeProvider.System"/>, majority at 18.</summary>
    public static MrzParseOptions Default { get; } = new();

    /// <summary>
    /// Whether likely OCR misreads are corrected when the correction makes failing check digits pass. Default true.
    /// Every correction is reported; the characters as read stay in <see cref="MrzResult.Lines"/>.
    /// </summary>
    public bool EnableCorrection { get; init; } = true;

    /// <summary>
    /// The date that two-digit years and the derived facts (age, minor, expired) are judged against. When null, today's
    /// UTC date from <see cref="TimeProvider"/> is used.
    /// </summary>
    public DateOnly? ReferenceDate { get; init; }

    /// <summary>The clock used when <see cref="ReferenceDate"/> is null. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Age from which the holder is not a minor. Default 18; must be 0–150.</summary>
    public int AgeOfMajority { get; init; } = 18;

    /// <summary>Days before expiry from which <see cref="MrzResult.ExpiresSoon"/> is true. Default 90; must not be negative.</summary>
    public int ExpiryWarningDays { get; init; } = 90;

    /// <summary>
    /// Forward window for two-digit expiry years: a year up to this many years after the reference year is in the future,
    /// beyond it the previous century. Default 50; must be 1–99.
    /// </summary>
    public int ExpiryWindowYears { get; init; } = 50;

    internal DateOnly ResolveReferenceDate() =>
        ReferenceDate ?? DateOnly.FromDateTime((TimeProvider ?? TimeProvider.System).GetUtcNow().UtcDateTime);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(AgeOfMajority);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(AgeOfMajority, 150);
        ArgumentOutOfRangeException.ThrowIfNegative(ExpiryWarningDays);
        ArgumentOutOfRangeException.ThrowIfLessThan(ExpiryWindowYears, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ExpiryWindowYears, 99);
    }
}
