using Gateway.Barcodes.Internal;

namespace Gateway.Barcodes.Bcbp.Internal;

/// <summary>
/// Format checks on single item values. They judge content, not structure, so a failure is a warning when lenient and an
/// error when strict, and reading goes on either way.
/// </summary>
internal static class BcbpItemChecks
{
    public static void Check(BcbpContext context, BcbpItem item, string group, string value, int offset)
    {
        var suffix = group.Length == 0 ? "" : "_" + group;
        switch (item.Name)
        {
            case "from_airport" or "to_airport":
                Report(context, item.Name + suffix, offset, IsLetters(value, 3), "three letters (IATA location code)");
                break;
            case "flight_number":
                Report(context, item.Name + suffix, offset, IsFlightNumber(value), "four digits and an optional letter");
                break;
            case "date_of_flight":
                Report(context, item.Name + suffix, offset, IsJulianDay(value, 0), "a day of the year, 001 to 366");
                break;
            case "date_of_issue" when value.Length == 0:
                context.Result.Check("date_of_issue", CheckStatus.NotApplicable, "Date of issue left blank.");
                break;
            case "date_of_issue":
                Report(context, "date_of_issue", offset, value.Length == 4 && IsJulianDay(value, 1) && char.IsAsciiDigit(value[0]),
                    "a year digit and a day of the year (YDDD)");
                break;
            default:
                break;
        }
    }

    private static void Report(BcbpContext context, string name, int offset, bool passed, string expected)
    {
        if (passed)
        {
            context.Result.Check(name, CheckStatus.Passed, $"Holds {expected}.");
            return;
        }

        context.Result.Check(name, CheckStatus.Failed, $"Should hold {expected}.");
        context.Result.ContentProblem("bad_item_format", offset, $"Item {name} should hold {expected}.");
    }

    private static bool IsLetters(string value, int length) =>
        value.Length == length && value.AsSpan().IndexOfAnyExceptInRange('A', 'Z') < 0;

    // Real passes pad short flight numbers with leading zeros ("0834"); some carriers add an operational suffix letter.
    private static bool IsFlightNumber(string value) =>
        value.Length is 4 or 5
        && PayloadText.TryParseDigits(value, 0, 4, out _)
        && (value.Length == 4 || char.IsAsciiLetterUpper(value[4]));

    private static bool IsJulianDay(string value, int start) =>
        value.Length == start + 3 && PayloadText.TryParseDigits(value, start, 3, out var day) && day is >= 1 and <= 366;
}
