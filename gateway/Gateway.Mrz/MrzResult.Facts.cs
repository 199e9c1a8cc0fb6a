using Gateway.Mrz.Internal;

namespace Gateway.Mrz;

/// <summary>Field shortcuts and facts derived against <see cref="ReferenceDate"/>.</summary>
public sealed partial class MrzResult
{
    /// <summary>Document code without fillers (e.g. <c>P</c>, <c>ID</c>), or null when not read.</summary>
    public string? DocumentCode => GetField(MrzFieldName.DocumentCode)?.Value;

    /// <summary>Issuing State as printed, fillers trimmed (Germany: <c>D</c>).</summary>
    public string? IssuingState => GetField(MrzFieldName.IssuingState)?.Value;

    /// <summary>Issuing State normalised to three letters (Germany's <c>D&lt;&lt;</c> as <c>DEU</c>).</summary>
    public string? IssuingStateCode => GetField(MrzFieldName.IssuingState) is { } f ? CountryCodes.Normalize(f.Value) : null;

    /// <summary>Document number, joined with its continuation when long.</summary>
    public string? DocumentNumber => GetField(MrzFieldName.DocumentNumber)?.Value;

    /// <summary>Nationality as printed, fillers trimmed (Germany: <c>D</c>).</summary>
    public string? Nationality => GetField(MrzFieldName.Nationality)?.Value;

    /// <summary>
    /// Nationality normalised to three letters (Germany's <c>D&lt;&lt;</c> as <c>DEU</c>). The French pre-2021 identity card
    /// prints no nationality; it implies <c>FRA</c>.
    /// </summary>
    public string? NationalityCode => GetField(MrzFieldName.Nationality) is { } f
        ? CountryCodes.Normalize(f.Value)
        : Format == MrzFormat.FrenchIdentityCard ? "FRA" : null;

    /// <summary>Primary identifier, parts separated by spaces.</summary>
    public string? Surname => GetField(MrzFieldName.Surname)?.Value;

    /// <summary>Secondary identifier, parts separated by spaces.</summary>
    public string? GivenNames => GetField(MrzFieldName.GivenNames)?.Value;

    /// <summary>The sex field; <see cref="MrzSex.Invalid"/> when unreadable.</summary>
    public MrzSex Sex { get; }

    /// <summary>Date of birth with its century resolved by <see cref="MrzCenturyRule.MostRecentPast"/>.</summary>
    public MrzDate DateOfBirth { get; }

    /// <summary>Date of expiry with its century resolved by <see cref="MrzCenturyRule.ForwardWindow"/>; absent on the French pre-2021 card.</summary>
    public MrzDate DateOfExpiry { get; }

    /// <summary>True when a name fills its field to the last character (see <see cref="MrzTolerances.TruncatedName"/>).</summary>
    public bool IsNamePossiblyTruncated { get; }

    /// <summary>The date two-digit years and the facts below were judged against.</summary>
    public DateOnly ReferenceDate { get; }

    /// <summary>The age of majority used for <see cref="IsMinor"/>.</summary>
    public int AgeOfMajority { get; }

    /// <summary>The days used for <see cref="ExpiresSoon"/>.</summary>
    public int ExpiryWarningDays { get; }

    /// <summary>Age in whole years at <see cref="ReferenceDate"/>; null unless the birth date is complete.</summary>
    public int? Age => AgeOn(ReferenceDate);

    /// <summary>Whether the holder is under <see cref="AgeOfMajority"/> at <see cref="ReferenceDate"/>; null when the age is unknown.</summary>
    public bool? IsMinor => Age is { } age ? age < AgeOfMajority : null;

    /// <summary>Whether the document expired before <see cref="ReferenceDate"/>; null when the expiry is unknown or absent.</summary>
    public bool? IsExpired => LatestExpiry() is { } expiry ? expiry < ReferenceDate : null;

    /// <summary>Not expired, but expiring within <see cref="ExpiryWarningDays"/> days of <see cref="ReferenceDate"/>.</summary>
    public bool? ExpiresSoon => ExpiresWithin(ExpiryWarningDays);

    /// <summary>Age in whole years on <paramref name="date"/>; null unless the birth date is complete.</summary>
    public int? AgeOn(DateOnly date)
    {
        if (DateOfBirth.Value is not { } birth || date < birth)
        {
            return null;
        }

        var age = date.Year - birth.Year;
        return date < birth.AddYears(age) ? age - 1 : age;
    }

    /// <summary>Not expired at <see cref="ReferenceDate"/> but expiring within <paramref name="days"/> days of it; null when unknown.</summary>
    public bool? ExpiresWithin(int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (LatestExpiry() is not { } expiry)
        {
            return null;
        }

        var limit = DateOnly.FromDayNumber((int)Math.Min((long)ReferenceDate.DayNumber + days, DateOnly.MaxValue.DayNumber));
        return expiry >= ReferenceDate && expiry <= limit;
    }

    /// <summary>The expiry date, or for a partial one the last day it can stand for (the holder gets the benefit of the doubt).</summary>
    private DateOnly? LatestExpiry()
    {
        var e = DateOfExpiry;
        if (e.Status is not (MrzDateStatus.Complete or MrzDateStatus.Partial) || e.Year is not { } year || year is < 1 or > 9999)
        {
            return null;
        }

        var month = e.Month ?? 12;
        return new DateOnly(year, month, e.Day ?? DateTime.DaysInMonth(year, month));
    }
}
