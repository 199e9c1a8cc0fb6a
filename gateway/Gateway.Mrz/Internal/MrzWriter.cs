namespace Gateway.Mrz.Internal;

/// <summary>Writes field values into a filler-initialised MRZ buffer for <see cref="MrzGenerator"/>.</summary>
internal sealed class MrzWriter(MrzLayout layout, char[] buffer)
{
    private bool _longNumber;

    public void Put(MrzFieldName name, string value)
    {
        if (layout.Find(name) is not { } field)
        {
            return;
        }

        var text = Encode(value, name);
        if (text.Length > field.Length)
        {
            throw new ArgumentException($"{name} '{value}' is longer than the {field.Length} characters of its field.", nameof(value));
        }

        text.CopyTo(buffer.AsSpan(layout.Offset(field)));
    }

    /// <summary>TD1/TD2 numbers over 9 characters: 9 in the field, <c>&lt;</c> for its check digit, the rest plus the check digit in optional data 1.</summary>
    public void PutDocumentNumber(string number, string optionalData)
    {
        var text = Encode(number, MrzFieldName.DocumentNumber);
        var field = layout.Find(MrzFieldName.DocumentNumber)!.Value;
        if (text.Length <= field.Length || !CheckEvaluator.HasOverflow(layout))
        {
            Put(MrzFieldName.DocumentNumber, number);
            Put(MrzFieldName.OptionalData1, optionalData);
            return;
        }

        var rest = text[field.Length..];
        var optional = Encode(optionalData, MrzFieldName.OptionalData1);
        var overflow = $"{rest}{CheckDigit.Compute(text)}{(optional.Length > 0 ? "<" + optional : string.Empty)}";
        var overflowField = layout.Find(MrzFieldName.OptionalData1)!.Value;
        if (overflow.Length > overflowField.Length)
        {
            throw new ArgumentException($"The document number and optional data do not fit the {overflowField.Length} characters of optional data 1.", nameof(number));
        }

        _longNumber = true;
        text[..field.Length].CopyTo(buffer.AsSpan(layout.Offset(field)));
        overflow.CopyTo(buffer.AsSpan(layout.Offset(overflowField)));
    }

    /// <summary>ICAO: <c>SURNAME&lt;&lt;GIVEN&lt;NAMES</c> truncated to the field; French card: two separate fields.</summary>
    public void PutNames(string surname, string givenNames)
    {
        var primary = Encode(surname, MrzFieldName.Surname);
        var secondary = Encode(givenNames, MrzFieldName.GivenNames);
        if (layout.CombinedName is { } name)
        {
            var full = secondary.Length == 0 ? primary : $"{primary}<<{secondary}";
            Truncated(full, name.Length).CopyTo(buffer.AsSpan(layout.Offset(name)));
            return;
        }

        var surnameField = layout.Find(MrzFieldName.Surname)!.Value;
        var givenField = layout.Find(MrzFieldName.GivenNames)!.Value;
        Truncated(primary, surnameField.Length).CopyTo(buffer.AsSpan(layout.Offset(surnameField)));

        // The French card separates given names with a double filler.
        Truncated(secondary.Replace("<", "<<", StringComparison.Ordinal), givenField.Length).CopyTo(buffer.AsSpan(layout.Offset(givenField)));
    }

    /// <summary>In layout order, so the composite (listed last) covers the check digits written before it.</summary>
    public void WriteCheckDigits()
    {
        foreach (var spec in layout.Checks)
        {
            // A long number's check digit is already in the optional data; its field slot stays '<'.
            if (!(spec.Name == MrzCheckName.DocumentNumber && _longNumber))
            {
                buffer[layout.Offset(spec.Line, spec.Column)] = CheckEvaluator.Compute(layout, spec, buffer);
            }
        }
    }

    private static string Truncated(string text, int length) => text.Length <= length ? text : text[..length];

    private static bool LettersOnly(MrzFieldName name) =>
        name is MrzFieldName.Surname or MrzFieldName.GivenNames or MrzFieldName.DocumentCode or MrzFieldName.IssuingState
            or MrzFieldName.Nationality;

    private static string Encode(string value, MrzFieldName name)
    {
        ArgumentNullException.ThrowIfNull(value, name.ToString());
        var chars = new char[value.Length];
        var count = 0;
        foreach (var c in value.Trim())
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is (>= 'A' and <= 'Z') or '<' || (upper is >= '0' and <= '9' && !LettersOnly(name)))
            {
                chars[count++] = upper;
            }
            else if (upper is ' ' or '-' or ',')
            {
                chars[count++] = '<';
            }
            else if (upper != '\'')
            {
                throw new ArgumentException($"{name} holds '{c}', which cannot be written in this MRZ field.", nameof(value));
            }
        }

        return new string(chars, 0, count);
    }
}
