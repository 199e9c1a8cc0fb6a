namespace Gateway.Mrz.Internal;

/// <summary>
/// Reads <c>YYMMDD</c> with unknown parts written as <c>&lt;&lt;</c> (Doc 9303 Part 3) and resolves the century of the
/// two-digit year against a reference date.
/// </summary>
internal static class DateReader
{
    private const int Unknown = -1;
    private const int Malformed = -2;

    /// <summary>Birth dates: the most recent year whose date is not after <paramref name="reference"/>.</summary>
    public static MrzDate ReadBirth(ReadOnlySpan<char> text, DateOnly reference) => Read(text, reference, birth: true, 0);

    /// <summary>Expiry dates: within <paramref name="windowYears"/> after the reference year, else the century before.</summary>
    public static MrzDate ReadExpiry(ReadOnlySpan<char> text, DateOnly reference, int windowYears) =>
        Read(text, reference, birth: false, windowYears);

    private static MrzDate Read(ReadOnlySpan<char> text, DateOnly reference, bool birth, int windowYears)
    {
        var yy = Pair(text[0], text[1]);
        var mm = Pair(text[2], text[3]);
        var dd = Pair(text[4], text[5]);
        if (yy == Malformed || mm == Malformed || dd == Malformed)
        {
            return new MrzDate(MrzDateStatus.Invalid, null, null, null, MrzCenturyRule.None);
        }

        int? month = mm == Unknown ? null : mm;
        int? day = dd == Unknown ? null : dd;
        var monthValid = month is null or (>= 1 and <= 12);
        int? year = null;
        var rule = MrzCenturyRule.None;
        if (yy != Unknown)
        {
            rule = birth ? MrzCenturyRule.MostRecentPast : MrzCenturyRule.ForwardWindow;
            year = birth
                ? BirthYear(yy, monthValid ? month : null, day, reference)
                : ExpiryYear(yy, reference.Year, windowYears);
        }

        var dayValid = day is null || (day >= 1 && day <= MaxDay(year, monthValid ? month : null));
        if (!monthValid || !dayValid)
        {
            return new MrzDate(MrzDateStatus.Invalid, year, monthValid ? month : null, dayValid ? day : null, rule);
        }

        var status = (year, month, day) switch
        {
            (null, null, null) => MrzDateStatus.Unknown,
            ({ }, { }, { }) => MrzDateStatus.Complete,
            _ => MrzDateStatus.Partial,
        };
        return new MrzDate(status, year, month, day, rule);
    }

    /// <summary>Two digits, <c>&lt;&lt;</c> for unknown, anything else malformed.</summary>
    private static int Pair(char a, char b)
    {
        if (a == '<' && b == '<')
        {
            return Unknown;
        }

        return char.IsAsciiDigit(a) && char.IsAsciiDigit(b) ? ((a - '0') * 10) + (b - '0') : Malformed;
    }

    private static int BirthYear(int yy, int? month, int? day, DateOnly reference)
    {
        var year = (reference.Year / 100 * 100) + yy;
        if (year > reference.Year)
        {
            return year - 100;
        }

        // Same year: born later in the year than the reference date means the previous century.
        if (year == reference.Year && month is { } m && (m > reference.Month || (m == reference.Month && day > reference.Day)))
        {
            return year - 100;
        }

        return year;
    }

    private static int ExpiryYear(int yy, int referenceYear, int windowYears)
    {
        var year = (referenceYear / 100 * 100) + yy;
        if (year > referenceYear + windowYears)
        {
            return year - 100;
        }

        return year <= referenceYear + windowYears - 100 ? year + 100 : year;
    }

    private static int MaxDay(int? year, int? month) => month switch
    {
        null => 31,
        2 => year is { } y ? DateTime.DaysInMonth(y, 2) : 29,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };
}
