namespace Gateway.Barcodes.Internal;

/// <summary>Input helpers shared by the format readers.</summary>
internal static class PayloadText
{
    /// <summary>
    /// Bytes to text one to one (Latin-1), so every character offset is also the byte offset and no byte sequence can
    /// fail to decode: a payload is data, and garbage must reach the parser as garbage, not as an exception.
    /// </summary>
    public static string FromBytes(ReadOnlySpan<byte> bytes) => System.Text.Encoding.Latin1.GetString(bytes);

    /// <summary>
    /// The length of a leading byte-order mark: the UTF-8 bytes read as Latin-1 (3) or a decoded U+FEFF (1); 0 when none.
    /// Some scanners and clipboard paths add one; the standards never do.
    /// </summary>
    public static int ByteOrderMarkLength(string text)
    {
        if (text.StartsWith("\u00EF\u00BB\u00BF", StringComparison.Ordinal))
        {
            return 3;
        }

        return text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
    }

    /// <summary>Parses exactly <paramref name="length"/> hex digits (either case), as BCBP size fields are written.</summary>
    public static bool TryParseHex(string text, int start, int length, out int value)
    {
        value = 0;
        if (start < 0 || start + length > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + length; i++)
        {
            var digit = HexValue(text[i]);
            if (digit < 0)
            {
                return false;
            }

            value = (value * 16) + digit;
        }

        return true;
    }

    /// <summary>Parses exactly <paramref name="length"/> ASCII digits; false for anything else (no signs, no spaces).</summary>
    public static bool TryParseDigits(string text, int start, int length, out int value)
    {
        value = 0;
        if (start < 0 || start + length > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }

    /// <summary>A short printable rendering of a character for messages (control characters by code).</summary>
    public static string Show(char c) => char.IsControl(c) || c > '\u007E' ? $"U+{(int)c:X4}" : $"'{c}'";

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };
}
