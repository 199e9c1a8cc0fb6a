namespace Gateway.Mrz;

/// <summary>How much an issue matters to <see cref="MrzResult.Valid"/>.</summary>
public enum MrzSeverity
{
    /// <summary>Worth telling the operator; <see cref="MrzResult.Valid"/> is unaffected.</summary>
    Warning = 0,

    /// <summary>The MRZ is not structurally sound or a check digit fails; <see cref="MrzResult.Valid"/> is false.</summary>
    Error,
}
