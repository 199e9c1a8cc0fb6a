namespace Gateway.Mrz.Internal;

/// <summary>
/// One MRZ layout: its size, its fields, its check digits and a per-position character class map. Instances are static
/// (see <see cref="MrzLayouts"/>), so a parse allocates nothing to describe the layout.
/// </summary>
internal sealed class MrzLayout
{
    public MrzLayout(MrzFormat format, int lineCount, int lineLength, FieldSpec[] fields, CheckSpec[] checks, FieldSpec? combinedName)
    {
        Format = format;
        LineCount = lineCount;
        LineLength = lineLength;
        Fields = fields;
        Checks = checks;
        CombinedName = combinedName;
        Classes = BuildClassMap(Length, lineLength + 1, fields, checks, combinedName);
        Coverage = BuildCoverage(Length, lineLength + 1, checks);
    }

    public MrzFormat Format { get; }

    public int LineCount { get; }

    public int LineLength { get; }

    /// <summary>The fields in printed order (names of ICAO layouts are in <see cref="CombinedName"/>).</summary>
    public FieldSpec[] Fields { get; }

    public CheckSpec[] Checks { get; }

    /// <summary>ICAO name field (surname and given names split at the first <c>&lt;&lt;</c>); null for the French card.</summary>
    public FieldSpec? CombinedName { get; }

    /// <summary>Character class of each buffer position (lines joined by one <c>\n</c>, see <see cref="Offset(int, int)"/>).</summary>
    public CharClass[] Classes { get; }

    /// <summary>Bit i set when check i covers the position (its own check-digit position included).</summary>
    public byte[] Coverage { get; }

    /// <summary>Characters in the working buffer and in the result text: the lines joined by one <c>\n</c>.</summary>
    public int Length => (LineCount * (LineLength + 1)) - 1;

    /// <summary>Buffer offset of a 0-based line and column.</summary>
    public int Offset(int line, int column) => (line * (LineLength + 1)) + column;

    public int Offset(FieldSpec field) => Offset(field.Line, field.Column);

    public FieldSpec? Find(MrzFieldName name)
    {
        foreach (var field in Fields)
        {
            if (field.Name == name)
            {
                return field;
            }
        }

        return null;
    }

    public int CheckIndex(MrzCheckName name)
    {
        for (var i = 0; i < Checks.Length; i++)
        {
            if (Checks[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static CharClass[] BuildClassMap(int length, int stride, FieldSpec[] fields, CheckSpec[] checks, FieldSpec? name)
    {
        var map = new CharClass[length];
        Array.Fill(map, CharClass.AlphaNumeric);
        foreach (var field in fields)
        {
            map.AsSpan((field.Line * stride) + field.Column, field.Length).Fill(field.Class);
        }

        if (name is { } n)
        {
            map.AsSpan((n.Line * stride) + n.Column, n.Length).Fill(CharClass.Alpha);
        }

        foreach (var check in checks)
        {
            map[(check.Line * stride) + check.Column] = CharClass.CheckDigit;
        }

        return map;
    }

    private static byte[] BuildCoverage(int length, int stride, CheckSpec[] checks)
    {
        var coverage = new byte[length];
        for (var i = 0; i < checks.Length; i++)
        {
            var bit = (byte)(1 << i);
            foreach (var segment in checks[i].Covered)
            {
                var start = (segment.Line * stride) + segment.Column;
                for (var p = start; p < start + segment.Length; p++)
                {
                    coverage[p] |= bit;
                }
            }

            coverage[(checks[i].Line * stride) + checks[i].Column] |= bit;
        }

        return coverage;
    }
}
