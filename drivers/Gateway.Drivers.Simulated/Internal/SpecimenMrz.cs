using System.Globalization;
using System.Text;

namespace Gateway.Drivers.Simulated.Internal;

/// <summary>Writes specimen MRZs (ICAO Doc 9303 Parts 4 and 5) with every check digit computed.</summary>
internal static class SpecimenMrz
{
    public const string State = "UTO";

    /// <summary>A TD3 (passport) MRZ: 2 lines of 44.</summary>
    public static string[] Td3(SpecimenTraveller t)
    {
        var line1 = Pad($"P<{State}{Name(t)}", 44);
        var number = Pad(t.DocumentNumber, 9);
        var birth = Date(t.BirthDate);
        var expiry = Date(t.ExpiryDate);
        var optional = Pad(string.Empty, 14);
        var upper = $"{number}{CheckDigit(number)}{State}{birth}{CheckDigit(birth)}{t.Sex}{expiry}{CheckDigit(expiry)}{optional}{CheckDigit(optional)}";
        var composite = CheckDigit(upper[..10] + upper[13..20] + upper[21..43]);
        return [line1, upper + composite];
    }

    /// <summary>A TD1 (ID card) MRZ: 3 lines of 30.</summary>
    public static string[] Td1(SpecimenTraveller t)
    {
        var number = Pad(t.DocumentNumber, 9);
        var line1 = Pad($"I<{State}{number}{CheckDigit(number)}", 30);
        var birth = Date(t.BirthDate);
        var expiry = Date(t.ExpiryDate);
        var line2 = Pad($"{birth}{CheckDigit(birth)}{t.Sex}{expiry}{CheckDigit(expiry)}{State}", 29);
        var composite = CheckDigit(line1[5..30] + line2[0..7] + line2[8..15] + line2[18..29]);
        return [line1, line2 + composite, Pad(Name(t), 30)];
    }

    /// <summary>The 7-3-1 check digit: digits by value, A–Z as 10–35, the filler as 0.</summary>
    public static char CheckDigit(string field)
    {
        ReadOnlySpan<int> weights = [7, 3, 1];
        var sum = 0;
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            var value = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => 0,
            };
            sum += value * weights[i % 3];
        }

        return (char)('0' + (sum % 10));
    }

    private static string Name(SpecimenTraveller t) =>
        $"{t.Surname.Replace(' ', '<')}<<{t.GivenNames.Replace(' ', '<')}";

    private static string Date(DateOnly date) => date.ToString("yyMMdd", CultureInfo.InvariantCulture);

    private static string Pad(string value, int length)
    {
        var builder = new StringBuilder(value, length);
        builder.Length = Math.Min(builder.Length, length);
        return builder.Append('<', length - builder.Length).ToString();
    }
}
