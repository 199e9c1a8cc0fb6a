namespace Gateway.Mrz.Internal;

/// <summary>
/// Check-digit-guided OCR correction. Candidates come from the field type of each position covered by a failing check:
/// letters in numeric positions, digits in alphabetic positions, and filler misreads inside filler runs. A set of
/// candidates is accepted only when every check covering a changed position then passes; among those the set fixing the
/// most checks with the fewest changes wins. Positions covered by no check are never changed here.
/// </summary>
internal static class OcrCorrector
{
    /// <summary>Enough for any realistic misread pattern while bounding the search at 2^8 evaluations.</summary>
    private const int MaxCandidates = 8;

    /// <summary>Corrects <paramref name="buffer"/> in place; returns the number of changes written to <paramref name="corrections"/>.</summary>
    public static int Correct(MrzLayout layout, Span<char> buffer, int failedMask, Span<MrzCorrection> corrections)
    {
        Span<int> positions = stackalloc int[MaxCandidates];
        Span<char> replacements = stackalloc char[MaxCandidates];
        var count = FindCandidates(layout, buffer, failedMask, positions, replacements);
        if (count == 0)
        {
            return 0;
        }

        Span<MrzCheck> results = stackalloc MrzCheck[layout.Checks.Length];
        Span<char> originals = stackalloc char[MaxCandidates];
        for (var i = 0; i < count; i++)
        {
            originals[i] = buffer[positions[i]];
        }

        var baseline = PassedCount(layout.Checks.Length, failedMask);
        int bestMask = 0, bestPassed = baseline, bestSize = int.MaxValue;
        for (var mask = 1; mask < 1 << count; mask++)
        {
            var changedCoverage = 0;
            for (var i = 0; i < count; i++)
            {
                var chosen = (mask & (1 << i)) != 0;
                buffer[positions[i]] = chosen ? replacements[i] : originals[i];
                changedCoverage |= chosen ? layout.Coverage[positions[i]] : 0;
            }

            var outcome = CheckEvaluator.Evaluate(layout, buffer, results);
            if ((outcome.FailedMask & changedCoverage) != 0)
            {
                continue;
            }

            var passed = PassedCount(layout.Checks.Length, outcome.FailedMask);
            var size = System.Numerics.BitOperations.PopCount((uint)mask);
            if (passed > bestPassed || (passed == bestPassed && bestMask != 0 && size < bestSize))
            {
                (bestMask, bestPassed, bestSize) = (mask, passed, size);
            }
        }

        var written = 0;
        for (var i = 0; i < count; i++)
        {
            var chosen = (bestMask & (1 << i)) != 0;
            buffer[positions[i]] = chosen ? replacements[i] : originals[i];
            if (chosen)
            {
                var line = positions[i] / (layout.LineLength + 1);
                var column = positions[i] % (layout.LineLength + 1);
                corrections[written++] = new MrzCorrection(line + 1, column + 1, originals[i], replacements[i]);
            }
        }

        return written;
    }

    private static int FindCandidates(MrzLayout layout, ReadOnlySpan<char> buffer, int failedMask, Span<int> positions, Span<char> replacements)
    {
        var count = 0;
        for (var p = 0; p < buffer.Length && count < MaxCandidates; p++)
        {
            if ((layout.Coverage[p] & failedMask) == 0)
            {
                continue;
            }

            var c = buffer[p];
            var replacement = layout.Classes[p] switch
            {
                CharClass.Numeric or CharClass.CheckDigit => OcrSubstitutions.LetterToDigit(c),
                CharClass.Alpha => OcrSubstitutions.DigitToLetter(c),
                _ => '\0',
            };
            if (replacement == '\0' && layout.Classes[p] is CharClass.Alpha or CharClass.AlphaNumeric
                && OcrSubstitutions.IsFillerMisread(c) && InFillerRun(layout, buffer, p))
            {
                replacement = '<';
            }

            if (replacement != '\0')
            {
                positions[count] = p;
                replacements[count] = replacement;
                count++;
            }
        }

        return count;
    }

    /// <summary>A filler before, and a filler, the end of the line or a check digit after.</summary>
    private static bool InFillerRun(MrzLayout layout, ReadOnlySpan<char> buffer, int p)
    {
        var column = p % (layout.LineLength + 1);
        if (column == 0 || buffer[p - 1] != '<')
        {
            return false;
        }

        return column == layout.LineLength - 1 || buffer[p + 1] == '<' || layout.Classes[p + 1] == CharClass.CheckDigit;
    }

    private static int PassedCount(int checks, int failedMask) => checks - System.Numerics.BitOperations.PopCount((uint)failedMask);
}
