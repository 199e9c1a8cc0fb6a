namespace Gateway.Emrtd.Internal;

/// <summary>The Doc 9303 Part 3 check digit (weights 7, 3, 1), for building the MRZ information of an access key.</summary>
internal static class CheckDigit
{
    public static char Compute(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<int> weights = [7, 3, 1];
        var sum = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var value = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => 0,
            };
            sum += value * weights[i % 3];
        }

        return (char)('0' + sum % 10);
    }
}
