namespace Gateway.Mrz.Internal;

/// <summary>Computes every check digit of a layout over a working buffer. Allocation-free; the corrector calls it repeatedly.</summary>
internal static class CheckEvaluator
{
    public static CheckOutcome Evaluate(MrzLayout layout, ReadOnlySpan<char> buffer, Span<MrzCheck> results)
    {
        var failed = 0;
        var tolerances = MrzTolerances.None;
        var continuation = 0;
        var missing = false;
        var checks = layout.Checks;
        for (var i = 0; i < checks.Length; i++)
        {
            var spec = checks[i];
            var position = layout.Offset(spec.Line, spec.Column);
            var found = buffer[position];
            MrzCheck result;
            if (spec.Name == MrzCheckName.DocumentNumber && found == '<' && HasOverflow(layout))
            {
                result = EvaluateLongNumber(layout, spec, buffer, ref tolerances, out continuation);
                missing = continuation == 0;
            }
            else
            {
                var expected = Compute(layout, spec, buffer);
                var passed = found == expected;
                if (!passed && found == '<' && spec.Name == MrzCheckName.PersonalNumber && IsAllFiller(layout, spec, buffer))
                {
                    // Doc 9303 Part 4 allows a filler check digit for an unused personal number field.
                    passed = true;
                    tolerances |= MrzTolerances.EmptyPersonalNumberFillerCheckDigit;
                }

                result = new MrzCheck(spec.Name, spec.Line + 1, spec.Column + 1, expected, found, passed);
            }

            results[i] = result;
            if (!result.Passed)
            {
                failed |= 1 << i;
            }
        }

        return new CheckOutcome(failed, tolerances, continuation, missing);
    }

    /// <summary>TD1 and TD2 can continue a long document number in optional data 1 (Doc 9303 Parts 5 and 6).</summary>
    public static bool HasOverflow(MrzLayout layout) => layout.Format is MrzFormat.Td1 or MrzFormat.Td2;

    public static char Compute(MrzLayout layout, CheckSpec spec, ReadOnlySpan<char> buffer)
    {
        int sum = 0, weight = 0;
        foreach (var segment in spec.Covered)
        {
            CheckDigit.Accumulate(buffer.Slice(layout.Offset(segment.Line, segment.Column), segment.Length), ref sum, ref weight);
        }

        return CheckDigit.ToChar(sum);
    }

    private static bool IsAllFiller(MrzLayout layout, CheckSpec spec, ReadOnlySpan<char> buffer)
    {
        foreach (var segment in spec.Covered)
        {
            if (buffer.Slice(layout.Offset(segment.Line, segment.Column), segment.Length).ContainsAnyExcept('<'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Long number: 9 characters in the number field, <c>&lt;</c> in the check-digit position, the rest at the start of
    /// optional data 1 followed by the check digit. ICAO computes it over the number without the <c>&lt;</c>; some issuers
    /// include it. Either is accepted and the variant is reported.
    /// </summary>
    private static MrzCheck EvaluateLongNumber(
        MrzLayout layout,
        CheckSpec spec,
        ReadOnlySpan<char> buffer,
        ref MrzTolerances tolerances,
        out int continuation)
    {
        var number = buffer.Slice(layout.Offset(spec.Covered[0].Line, spec.Covered[0].Column), spec.Covered[0].Length);
        var overflowSpec = layout.Find(MrzFieldName.OptionalData1)!.Value;
        var overflowStart = layout.Offset(overflowSpec);
        var overflow = buffer.Slice(overflowStart, overflowSpec.Length);
        var end = overflow.IndexOf('<');
        var extension = end < 0 ? overflow : overflow[..end];
        if (extension.Length < 2)
        {
            continuation = 0;
            return new MrzCheck(spec.Name, spec.Line + 1, spec.Column + 1, CheckDigit.Compute(number), '<', false);
        }

        continuation = extension.Length - 1;
        var digits = extension[..continuation];
        var found = extension[continuation];

        int sum = 0, weight = 0;
        CheckDigit.Accumulate(number, ref sum, ref weight);
        CheckDigit.Accumulate(digits, ref sum, ref weight);
        var icao = CheckDigit.ToChar(sum);

        sum = 0;
        weight = 0;
        CheckDigit.Accumulate(number, ref sum, ref weight);
        CheckDigit.Accumulate("<", ref sum, ref weight);
        CheckDigit.Accumulate(digits, ref sum, ref weight);
        var withFiller = CheckDigit.ToChar(sum);

        var position = overflowStart + continuation;
        var line = (position / (layout.LineLength + 1)) + 1;
        var column = (position % (layout.LineLength + 1)) + 1;
        if (found == icao)
        {
            tolerances |= MrzTolerances.LongDocumentNumber;
            return new MrzCheck(spec.Name, line, column, icao, found, true);
        }

        if (found == withFiller)
        {
            tolerances |= MrzTolerances.LongDocumentNumber | MrzTolerances.LongDocumentNumberFillerIncluded;
            return new MrzCheck(spec.Name, line, column, withFiller, found, true);
        }

        tolerances |= MrzTolerances.LongDocumentNumber;
        return new MrzCheck(spec.Name, line, column, icao, found, false);
    }
}
