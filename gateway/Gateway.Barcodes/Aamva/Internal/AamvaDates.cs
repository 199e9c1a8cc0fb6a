using System.Globalization;

namespace Gateway.Barcodes.Aamva.Internal;

/// <summary>The two date layouts of the standard.</summary>
internal enum AamvaDateOrder
{
    /// <summary>MMDDCCYY: US cards from version 2 on.</summary>
    MonthDayYear,

    /// <summary>CCYYMMDD: Canadian cards, and every card of version 1.</summary>
    YearMonthDay,
}

/// <summary>Reads AAMVA dates; the layout depends on version and issuing country, so it is chosen once per subfile.</summary>
internal static class AamvaDates
{
    /// <summary>The layout the standard prescribes, and a sentence saying why.</summary>
    public static (AamvaDateOrder Order, string Reason) Choose(int version, string? country)
    {
        if (version <= 1)
        {
            return (AamvaDateOrder.YearMonthDay, $"CCYYMMDD (AAMVA version {version} predates the US MMDDCCYY rule)");
        }

        return country switch
        {
            "CAN" => (AamvaDateOrder.YearMonthDay, $"CCYYMMDD (Canada, AAMVA version {version})"),
            "USA" => (AamvaDateOrder.MonthDayYear, $"MMDDCCYY (US, AAMVA version {version})"),
            _ => (AamvaDateOrder.MonthDayYear, $"MMDDCCYY (country not stated as USA or CAN; US rule assumed, AAMVA version {version})"),
        };
    }

    public static bool TryRead(string raw, AamvaDateOrder order, out DateOnly date)
    {
        date = default;
        if (raw.Length != 8 || raw.AsSpan().IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return false;
        }

        var format = order == AamvaDateOrder.MonthDayYear ? "MMddyyyy" : "yyyyMMdd";
        return DateOnly.TryParseExact(raw, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static AamvaDateOrder Other(AamvaDateOrder order) =>
        order == AamvaDateOrder.MonthDayYear ? AamvaDateOrder.YearMonthDay : AamvaDateOrder.MonthDayYear;
}
