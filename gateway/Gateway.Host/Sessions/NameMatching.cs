using System.Globalization;
using System.Text;

namespace Gateway.Host.Sessions;

/// <summary>
/// Compares names and identifiers read from different sources the way ICAO Doc 9303 Part 3 writes them in an MRZ:
/// upper case A–Z only, national characters transliterated (Ä → AE or A, Ø → OE, ß → SS, Þ → TH, other diacritics
/// dropped), anything else a space. A name the MRZ had to truncate agrees with a longer one that starts with it.
/// </summary>
internal static class NameMatching
{
    private static readonly Dictionary<char, string> Recommended = new()
    {
        ['Ä'] = "AE", ['Æ'] = "AE", ['Å'] = "AA", ['Ö'] = "OE", ['Ø'] = "OE", ['Œ'] = "OE", ['Ü'] = "UE",
        ['ß'] = "SS", ['Þ'] = "TH", ['Ð'] = "D", ['Đ'] = "D", ['Ł'] = "L", ['Ħ'] = "H", ['Ŋ'] = "N", ['Ĳ'] = "IJ",
    };

    /// <summary>The forms a printed name can take in an MRZ (the recommended transliteration, and diacritics dropped).</summary>
    public static IReadOnlyList<string> MrzForms(string name)
    {
        var upper = name.ToUpperInvariant();
        var transliterated = new StringBuilder();
        foreach (var c in upper)
        {
            transliterated.Append(Recommended.TryGetValue(c, out var replacement) ? replacement : c);
        }

        return new[] { Plain(transliterated.ToString()), Plain(upper) }.Distinct().ToArray();
    }

    /// <summary>A name reduced to the MRZ alphabet: letters A–Z, single spaces, diacritics dropped.</summary>
    public static string Plain(string text)
    {
        var decomposed = text.ToUpperInvariant().Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            plain.Append(c is >= 'A' and <= 'Z' ? c : ' ');
        }

        return string.Join(' ', plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>True when the names agree: equal in some MRZ form, or one the truncated start of the other.</summary>
    public static bool NamesAgree(string mrzName, string otherName, bool mrzPossiblyTruncated, bool otherPossiblyTruncated = false)
    {
        var mrz = Plain(mrzName);
        foreach (var other in MrzForms(otherName))
        {
            if (mrz == other
                || (mrzPossiblyTruncated && other.StartsWith(mrz, StringComparison.Ordinal))
                || (otherPossiblyTruncated && other.Length > 0 && mrz.StartsWith(other, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An identifier (document number) without fillers, spaces and case.</summary>
    public static string Identifier(string value) =>
        new(value.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
}
