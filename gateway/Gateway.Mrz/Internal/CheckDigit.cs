namespace Gateway.Mrz.Internal;

/// <summary>The Doc 9303 Part 3 check digit: weights 7-3-1 repeating, 0–9 by value, A–Z as 10–35, the filler as 0.</summary>
internal static class CheckDigit
{
    /// <summary>The value of one MRZ character; characters outside the MRZ set count as 0 (they are reported elsewhere).</summary>
    public static int ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => 0,
    };

    /// <summary>Adds <paramref name="data"/> to a running weighted sum, continuing the weight cycle at <paramref name="position"/>.</summary>
    public static void Accumulate(ReadOnlySpan<char> data, ref int sum, ref int position)
    {
        foreach (var c in data)
        {
            // Weights 7, 3, 1 by position modulo 3.
            var weight = (position % 3) switch { 0 => 7, 1 => 3, _ => 1 };
            sum += ValueOf(c) * weight;
            position++;
        }
    }

    /// <summary>The check digit of <paramref name="data"/> as a character.</summary>
    public static char Compute(ReadOnlySpan<char> data)
    {
        int sum = 0, position = 0;
        Accumulate(data, ref sum, ref position);
        return ToChar(sum);
    }

    /// <summary>The check digit character of a finished weighted sum.</summary>
    public static char ToChar(int sum) => (char)('0' + (sum % 10));
}
