namespace Gateway.Mrz.Internal;

/// <summary>Collects issues during a parse; allocates only when the first issue arrives, so a clean MRZ costs nothing here.</summary>
internal struct IssueBag
{
    private List<MrzIssue>? _issues;

    public bool HasErrors { get; private set; }

    public void Error(MrzIssueCode code, int line, int column, string message) =>
        Add(new MrzIssue(MrzSeverity.Error, code, line, column, message));

    public void Warning(MrzIssueCode code, int line, int column, string message) =>
        Add(new MrzIssue(MrzSeverity.Warning, code, line, column, message));

    public readonly IReadOnlyList<MrzIssue> ToList() => _issues is null ? [] : _issues.ToArray();

    private void Add(MrzIssue issue)
    {
        _issues ??= new List<MrzIssue>(4);
        _issues.Add(issue);
        HasErrors |= issue.Severity == MrzSeverity.Error;
    }
}
