using Gateway.Barcodes.Seals;

namespace Gateway.Barcodes.Internal;

/// <summary>
/// Collects what a parse finds and turns deviations into errors (strict) or tolerances (lenient) in one place, so the
/// format readers never decide severity themselves.
/// </summary>
internal sealed class ResultBuilder(string payloadType, ParseMode mode)
{
    private readonly List<PayloadField> _fields = [];
    private readonly List<PayloadCheck> _checks = [];
    private readonly List<PayloadIssue> _issues = [];
    private readonly List<PayloadTolerance> _tolerances = [];

    public ParseMode Mode => mode;

    public bool IsLenient => mode == ParseMode.Lenient;

    public bool HasErrors => _issues.Exists(i => i.Severity == IssueSeverity.Error);

    public IReadOnlyList<PayloadField> Fields => _fields;

    /// <summary>The seal signature outcome, for the formats that carry one.</summary>
    public SealSignature? Signature { get; set; }

    public void Field(string group, string name, string raw, string code, int offset, string? value = null) =>
        _fields.Add(new PayloadField(group, name, value ?? raw.Trim(' '), raw, code, offset));

    /// <summary>Replaces a field already added (lenient repairs that extend a value once more data is known).</summary>
    public void ReplaceField(PayloadField old, PayloadField updated)
    {
        var index = _fields.IndexOf(old);
        if (index >= 0)
        {
            _fields[index] = updated;
        }
    }

    public void Check(string name, CheckStatus status, string detail) => _checks.Add(new PayloadCheck(name, status, detail));

    public void Error(string code, int offset, string message) =>
        _issues.Add(new PayloadIssue(IssueSeverity.Error, code, offset, message));

    public void Warning(string code, int offset, string message) =>
        _issues.Add(new PayloadIssue(IssueSeverity.Warning, code, offset, message));

    /// <summary>A known real-world deviation: a tolerance when lenient, an error when strict.</summary>
    public void Deviation(string name, int offset, string detail)
    {
        if (IsLenient)
        {
            _tolerances.Add(new PayloadTolerance(name, offset, detail));
        }
        else
        {
            Error(name, offset, detail);
        }
    }

    /// <summary>Content that breaks a format rule but not the structure: a warning when lenient, an error when strict.</summary>
    public void ContentProblem(string code, int offset, string message)
    {
        if (IsLenient)
        {
            Warning(code, offset, message);
        }
        else
        {
            Error(code, offset, message);
        }
    }

    public PayloadResult Build() =>
        new(payloadType, mode, _fields.ToArray(), _checks.ToArray(), _issues.ToArray(), _tolerances.ToArray(), Signature);
}
