namespace Gateway.Emrtd.Internal;

/// <summary>
/// Alternatives of an OCR'd document number whose check digit matches the one printed: characters OCR confuses (0/O,
/// 1/I, 2/Z, 5/S, 8/B, 6/G) are swapped one or two at a time, and only candidates the printed check digit accepts are
/// kept, most likely (fewest changes) first, at most <c>max</c>.
/// </summary>
internal static class KeyCorrection
{
    private static readonly Dictionary<char, char> Confusions = new()
    {
        ['0'] = 'O', ['O'] = '0', ['1'] = 'I', ['I'] = '1', ['2'] = 'Z', ['Z'] = '2',
        ['5'] = 'S', ['S'] = '5', ['8'] = 'B', ['B'] = '8', ['6'] = 'G', ['G'] = '6', ['D'] = '0', ['Q'] = '0',
    };

    public static IEnumerable<MrzAccessKey> Alternatives(MrzAccessKey key, char printedCheckDigit, int max)
    {
        var number = key.DocumentNumber.Length < 9 ? key.DocumentNumber.PadRight(9, '<') : key.DocumentNumber;
        var positions = Enumerable.Range(0, number.Length).Where(i => Confusions.ContainsKey(number[i])).ToList();
        var seen = new HashSet<string> { number };
        var found = 0;
        foreach (var changes in Single(positions).Concat(Pairs(positions)))
        {
            var chars = number.ToCharArray();
            foreach (var i in changes)
            {
                chars[i] = Confusions[chars[i]];
            }

            var candidate = new string(chars);
            if (found < max && seen.Add(candidate) && CheckDigit.Compute(candidate) == printedCheckDigit)
            {
                found++;
                yield return key with { DocumentNumber = candidate.TrimEnd('<') };
            }
        }
    }

    private static IEnumerable<int[]> Single(List<int> positions) => positions.Select(p => new[] { p });

    private static IEnumerable<int[]> Pairs(List<int> positions) =>
        from a in positions from b in positions where a < b select new[] { a, b };
}
