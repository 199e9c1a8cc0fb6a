using System.Globalization;

namespace Gateway.Mrz.Internal;

/// <summary>
/// Materialises <see cref="MrzField"/>s on first access to <see cref="MrzResult.Fields"/>: raw characters from the text as
/// read, values from the corrected text. Kept off the parse path so a parse allocates no per-field strings.
/// </summary>
internal static class FieldReader
{
    public static MrzField[] Read(MrzLayout layout, string raw, string corrected, int continuation, MrzDate birth, MrzDate expiry)
    {
        var fields = new List<MrzField>(layout.Fields.Length + 2);
        foreach (var spec in layout.Fields)
        {
            var value = corrected.AsSpan(layout.Offset(spec), spec.Length);
            var text = spec.Name switch
            {
                MrzFieldName.DocumentNumber when continuation > 0 =>
                    string.Concat(value, corrected.AsSpan(layout.Offset(layout.Find(MrzFieldName.OptionalData1)!.Value), continuation)),
                MrzFieldName.OptionalData1 when continuation > 0 =>
                    new string(value[Math.Min(value.Length, continuation + 1)..].Trim('<')),
                MrzFieldName.DateOfBirth => DateValue(value, birth),
                MrzFieldName.DateOfExpiry => DateValue(value, expiry),
                MrzFieldName.Surname or MrzFieldName.GivenNames => NameReader.Normalize(value),
                _ => new string(value.Trim('<')),
            };
            fields.Add(Field(spec.Name, layout, raw, spec.Line, spec.Column, spec.Length, text));
        }

        if (layout.CombinedName is { } name)
        {
            var value = corrected.AsSpan(layout.Offset(name), name.Length);
            var surname = NameReader.SurnameLength(value);
            var given = NameReader.GivenNamesStart(value);
            fields.Add(Field(MrzFieldName.Surname, layout, raw, name.Line, name.Column, surname, NameReader.Normalize(value[..surname])));
            fields.Add(Field(MrzFieldName.GivenNames, layout, raw, name.Line, name.Column + given, name.Length - given, NameReader.Normalize(value[given..])));
        }

        return [.. fields];
    }

    private static MrzField Field(MrzFieldName name, MrzLayout layout, string raw, int line, int column, int length, string value) =>
        new(name, line + 1, column + 1, length, raw.Substring(layout.Offset(line, column), length), value);

    /// <summary>Complete dates as ISO 8601 with the resolved century; anything else as printed (after correction).</summary>
    private static string DateValue(ReadOnlySpan<char> printed, MrzDate date) =>
        date.Value is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : new string(printed);
}
