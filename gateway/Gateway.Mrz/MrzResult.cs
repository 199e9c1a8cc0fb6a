using Gateway.Mrz.Internal;

namespace Gateway.Mrz;

/// <summary>
/// Everything one parse found: the text, the layout, every field (raw and normalised), every check digit, the tolerances
/// applied, the corrections made, and positioned warnings and errors. Immutable. Bad input gives a result with errors,
/// never an exception. Field strings are built on first access, so a parse itself allocates little beyond this object.
/// </summary>
public sealed partial class MrzResult
{
    private readonly MrzLayout? _layout;
    private readonly string _text;
    private readonly string _correctedText;
    private readonly int _continuation;
    private MrzField[]? _fields;
    private IReadOnlyList<string>? _lines;
    private IReadOnlyList<string>? _correctedLines;

    internal MrzResult(
        string rawText,
        MrzLayout? layout,
        string text,
        string correctedText,
        MrzCheck[] checks,
        IReadOnlyList<MrzIssue> issues,
        IReadOnlyList<MrzCorrection> corrections,
        MrzTolerances tolerances,
        FieldFacts facts,
        int continuation,
        DateOnly referenceDate,
        MrzParseOptions options)
    {
        RawText = rawText;
        _layout = layout;
        _text = text;
        _correctedText = correctedText;
        Checks = checks;
        Issues = issues;
        Corrections = corrections;
        Tolerances = tolerances;
        DateOfBirth = facts.DateOfBirth;
        DateOfExpiry = facts.DateOfExpiry;
        Sex = layout is null ? MrzSex.Invalid : facts.Sex;
        IsNamePossiblyTruncated = facts.NameTruncated;
        _continuation = continuation;
        ReferenceDate = referenceDate;
        AgeOfMajority = options.AgeOfMajority;
        ExpiryWarningDays = options.ExpiryWarningDays;
        IsStructurallySound = layout is not null;
        Valid = layout is not null && !HasSeverity(issues, MrzSeverity.Error);
    }

    /// <summary>The input exactly as received.</summary>
    public string RawText { get; }

    /// <summary>The layout, or <see cref="MrzFormat.Unknown"/> when the line count or lengths fit none.</summary>
    public MrzFormat Format => _layout?.Format ?? MrzFormat.Unknown;

    /// <summary>
    /// True when the MRZ is structurally sound, has no errors, and every check digit holds (possibly after a reported
    /// correction or under a reported tolerance). Expiry, minority and unknown country codes never make it false.
    /// </summary>
    public bool Valid { get; }

    /// <summary>True when the line count and lengths fit a layout, so fields and checks could be read.</summary>
    public bool IsStructurallySound { get; }

    /// <summary>The MRZ lines as read (trimmed, lowercase folded, before OCR correction); empty when not structurally sound.</summary>
    public IReadOnlyList<string> Lines => _lines ??= SplitLines(_text);

    /// <summary>The MRZ lines after accepted OCR corrections (the same as <see cref="Lines"/> when there were none).</summary>
    public IReadOnlyList<string> CorrectedLines =>
        _correctedLines ??= ReferenceEquals(_text, _correctedText) ? Lines : SplitLines(_correctedText);

    /// <summary>Every field of the layout, in printed order (names last), raw and normalised.</summary>
    public IReadOnlyList<MrzField> Fields => _fields ??= _layout is null
        ? []
        : FieldReader.Read(_layout, _text, _correctedText, _continuation, DateOfBirth, DateOfExpiry);

    /// <summary>Every check digit of the layout, each with expected and found digit.</summary>
    public IReadOnlyList<MrzCheck> Checks { get; }

    /// <summary>The real-document tolerances that applied to this MRZ.</summary>
    public MrzTolerances Tolerances { get; }

    /// <summary>Warnings and errors in the order found, each with its line and column.</summary>
    public IReadOnlyList<MrzIssue> Issues { get; }

    /// <summary>The errors among <see cref="Issues"/>.</summary>
    public IEnumerable<MrzIssue> Errors => Issues.Where(i => i.Severity == MrzSeverity.Error);

    /// <summary>The warnings among <see cref="Issues"/>.</summary>
    public IEnumerable<MrzIssue> Warnings => Issues.Where(i => i.Severity == MrzSeverity.Warning);

    /// <summary>Characters changed by OCR correction, position by position; empty when none.</summary>
    public IReadOnlyList<MrzCorrection> Corrections { get; }

    /// <summary>The field of that name, or null when the layout has none.</summary>
    public MrzField? GetField(MrzFieldName name)
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

    /// <summary>The check of that name, or null when the layout has none.</summary>
    public MrzCheck? GetCheck(MrzCheckName name)
    {
        foreach (var check in Checks)
        {
            if (check.Name == name)
            {
                return check;
            }
        }

        return null;
    }

    private static bool HasSeverity(IReadOnlyList<MrzIssue> issues, MrzSeverity severity)
    {
        for (var i = 0; i < issues.Count; i++)
        {
            if (issues[i].Severity == severity)
            {
                return true;
            }
        }

        return false;
    }

    private static string[] SplitLines(string text) => text.Length == 0 ? [] : text.Split('\n');
}
