using Gateway.Barcodes.Seals;

namespace Gateway.Barcodes;

/// <summary>
/// Everything one payload parse found: the fields in payload order, the checks made, positioned warnings and errors, and
/// the tolerances that lenient parsing applied. Immutable. Bad input gives a result with errors, never an exception.
/// </summary>
public sealed class PayloadResult
{
    internal PayloadResult(
        string payloadType,
        ParseMode mode,
        IReadOnlyList<PayloadField> fields,
        IReadOnlyList<PayloadCheck> checks,
        IReadOnlyList<PayloadIssue> issues,
        IReadOnlyList<PayloadTolerance> tolerances,
        SealSignature? signature)
    {
        PayloadType = payloadType;
        Mode = mode;
        Fields = fields;
        Checks = checks;
        Issues = issues;
        Tolerances = tolerances;
        Signature = signature;
        Valid = !issues.Any(i => i.Severity == IssueSeverity.Error);
    }

    /// <summary>One of <see cref="PayloadTypes"/>: <c>bcbp</c>, <c>aamva</c>, <c>vds</c>, <c>vdsnc</c> or <c>unknown</c>.</summary>
    public string PayloadType { get; }

    /// <summary>The mode the payload was parsed in.</summary>
    public ParseMode Mode { get; }

    /// <summary>True when the payload has no errors (warnings and applied tolerances do not count).</summary>
    public bool Valid { get; }

    /// <summary>Every item read, in payload order.</summary>
    public IReadOnlyList<PayloadField> Fields { get; }

    /// <summary>Every check made, in the order made.</summary>
    public IReadOnlyList<PayloadCheck> Checks { get; }

    /// <summary>Warnings and errors in the order found, each with its offset.</summary>
    public IReadOnlyList<PayloadIssue> Issues { get; }

    /// <summary>The deviations that lenient parsing accepted; always empty in <see cref="ParseMode.Strict"/>.</summary>
    public IReadOnlyList<PayloadTolerance> Tolerances { get; }

    /// <summary>
    /// For digital seals (<c>vds</c>, <c>vdsnc</c>): who signed and whether the signature holds. Only
    /// <see cref="SignatureStatus.Verified"/> means authentic; <see cref="Valid"/> alone says nothing about the signature
    /// when it could not be verified (no trust store, unknown signer). Null for formats without a signature.
    /// </summary>
    public SealSignature? Signature { get; }

    /// <summary>The errors among <see cref="Issues"/>.</summary>
    public IEnumerable<PayloadIssue> Errors => Issues.Where(i => i.Severity == IssueSeverity.Error);

    /// <summary>The warnings among <see cref="Issues"/>.</summary>
    public IEnumerable<PayloadIssue> Warnings => Issues.Where(i => i.Severity == IssueSeverity.Warning);

    /// <summary>The first field of that name in that group, or null when the payload has none.</summary>
    /// <param name="name">The field name, e.g. <c>from_airport</c>.</param>
    /// <param name="group">The group, e.g. <c>leg_1</c> or <c>dl</c>; empty for payload-wide items.</param>
    public PayloadField? GetField(string name, string group = "")
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(group);
        foreach (var field in Fields)
        {
            if (field.Name == name && field.Group == group)
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>The value of <see cref="GetField"/>, or null when the payload has no such field.</summary>
    /// <param name="name">The field name, e.g. <c>from_airport</c>.</param>
    /// <param name="group">The group, e.g. <c>leg_1</c> or <c>dl</c>; empty for payload-wide items.</param>
    public string? GetValue(string name, string group = "") => GetField(name, group)?.Value;

    /// <summary>The check of that name, or null when none was made.</summary>
    /// <param name="name">The check name, e.g. <c>variable_size_leg_1</c>.</param>
    public PayloadCheck? GetCheck(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var check in Checks)
        {
            if (check.Name == name)
            {
                return check;
            }
        }

        return null;
    }
}
