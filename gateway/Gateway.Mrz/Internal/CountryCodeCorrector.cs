namespace Gateway.Mrz.Internal;

/// <summary>
/// Issuing State and nationality are covered by no ICAO check digit, so a digit misread there cannot be confirmed by one.
/// The code table guides instead: the digit-to-letter substitution is kept only when it yields a known code.
/// </summary>
internal static class CountryCodeCorrector
{
    public static int Correct(MrzLayout layout, Span<char> buffer, Span<MrzCorrection> corrections)
    {
        var written = 0;
        Span<char> candidate = stackalloc char[3];
        foreach (var field in layout.Fields)
        {
            if (field.Name is not (MrzFieldName.IssuingState or MrzFieldName.Nationality) || layout.Coverage[layout.Offset(field)] != 0)
            {
                continue;
            }

            var code = buffer.Slice(layout.Offset(field), field.Length);
            if (!code.ContainsAnyInRange('0', '9'))
            {
                continue;
            }

            code.CopyTo(candidate);
            for (var i = 0; i < candidate.Length; i++)
            {
                var letter = OcrSubstitutions.DigitToLetter(candidate[i]);
                if (letter != '\0')
                {
                    candidate[i] = letter;
                }
            }

            if (!CountryCodes.IsKnown(candidate) || written + 3 > corrections.Length)
            {
                continue;
            }

            for (var i = 0; i < candidate.Length; i++)
            {
                if (candidate[i] != code[i])
                {
                    corrections[written++] = new MrzCorrection(field.Line + 1, field.Column + i + 1, code[i], candidate[i]);
                    code[i] = candidate[i];
                }
            }
        }

        return written;
    }
}
