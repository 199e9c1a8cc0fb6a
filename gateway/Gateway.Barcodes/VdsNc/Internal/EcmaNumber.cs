using System.Globalization;

namespace Gateway.Barcodes.VdsNc.Internal;

/// <summary>
/// Serialises a double as ECMAScript's Number.prototype.toString does (ECMA-262 §6.1.6.1.20), which RFC 8785 §3.2.2.3
/// prescribes for canonical JSON: the shortest digits that round-trip, plain notation for decimal exponents −6 to 21,
/// otherwise <c>d.ddde±x</c>; −0 is <c>0</c>. .NET's round-trip format gives the same shortest digits in another notation.
/// </summary>
internal static class EcmaNumber
{
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "JSON numbers are finite.");
        }

        if (value == 0)
        {
            return "0";
        }

        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = text.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(text[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.');
        var digits = point < 0 ? mantissa : mantissa.Remove(point, 1);

        // n: where the decimal point falls relative to the first significant digit (value = 0.d1d2…dk × 10^n).
        var n = (point < 0 ? mantissa.Length : point) + exponent;
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        n -= leading;
        var k = digits.Length;
        var body = n switch
        {
            _ when k <= n && n <= 21 => digits + new string('0', n - k),
            > 0 and <= 21 => $"{digits[..n]}.{digits[n..]}",
            > -6 and <= 0 => $"0.{new string('0', -n)}{digits}",
            _ => $"{digits[0]}{(k > 1 ? "." + digits[1..] : "")}e{(n - 1 >= 0 ? "+" : "-")}{Math.Abs(n - 1)}",
        };
        return value < 0 ? "-" + body : body;
    }
}
