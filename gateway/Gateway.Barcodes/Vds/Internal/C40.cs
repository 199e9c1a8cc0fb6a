namespace Gateway.Barcodes.Vds.Internal;

/// <summary>
/// The C40 subset seals use (Doc 9303 Part 13 §2.6, BSI TR-03137 Part 1 §2.2; the DataMatrix C40 rules): three
/// characters of space, digits and uppercase letters in two bytes as 1600·c1 + 40·c2 + c3 + 1. Two characters left at the
/// end are padded with Shift 1 (0); a single character left is written as 0xFE (unlatch) and its ASCII code + 1. Shifts
/// anywhere else, values past 64000 and an odd byte count are not C40 as seals use it.
/// </summary>
internal static class C40
{
    private const byte Unlatch = 0xFE;
    private const int MaxValue = 64000;

    /// <summary>
    /// Decodes <paramref name="bytes"/>. On a problem returns false with the characters decoded before it, the byte index
    /// of the offending pair and a sentence for people.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out int errorIndex, out string error)
    {
        var output = new System.Text.StringBuilder(bytes.Length * 3 / 2);
        errorIndex = -1;
        error = "";
        for (var i = 0; i < bytes.Length; i += 2)
        {
            if (i + 1 >= bytes.Length)
            {
                return Fail(output, out text, i, "C40 data has an odd number of bytes: the last byte has no partner.", out errorIndex, out error);
            }

            var last = i + 2 == bytes.Length;
            if (bytes[i] == Unlatch)
            {
                var ascii = bytes[i + 1] - 1;
                if (!last || ascii is < 0x20 or > 0x7E)
                {
                    var why = last ? "an ASCII character + 1" : "only at the end";
                    return Fail(output, out text, i, $"C40 unlatch (0xFE) is allowed {why}.", out errorIndex, out error);
                }

                output.Append((char)ascii);
                continue;
            }

            var value = (bytes[i] << 8) + bytes[i + 1];
            if (value is 0 or > MaxValue)
            {
                return Fail(output, out text, i, $"0x{value:X4} is not a C40 value (1 to 64000).", out errorIndex, out error);
            }

            value--;
            int c1 = value / 1600, c2 = value / 40 % 40, c3 = value % 40;

            // Shift 1 (0) pads the final pair: "AB" is A, B, 0; the single-character form (A, 0, 0) is accepted too.
            var padding = last ? (c3 == 0 ? (c2 == 0 ? 2 : 1) : 0) : 0;
            ReadOnlySpan<int> values = [c1, c2, c3];
            for (var k = 0; k < 3 - padding; k++)
            {
                var c = Character(values[k]);
                if (c == '\0')
                {
                    return Fail(output, out text, i, $"C40 value {values[k]} (a shift) is not used by seals.", out errorIndex, out error);
                }

                output.Append(c);
            }
        }

        text = output.ToString();
        return true;
    }

    /// <summary>The character of a basic-set C40 value, or '\0' for the shifts (0, 1, 2).</summary>
    public static char Character(int value) => value switch
    {
        3 => ' ',
        >= 4 and <= 13 => (char)('0' + value - 4),
        >= 14 and <= 39 => (char)('A' + value - 14),
        _ => '\0',
    };

    private static bool Fail(System.Text.StringBuilder output, out string text, int index, string message, out int errorIndex, out string error)
    {
        text = output.ToString();
        errorIndex = index;
        error = message;
        return false;
    }
}
