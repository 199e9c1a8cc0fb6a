namespace Gateway.Barcodes;

/// <summary>How much a <see cref="PayloadIssue"/> matters.</summary>
public enum IssueSeverity
{
    /// <summary>Worth knowing; the payload stays valid.</summary>
    Warning = 0,

    /// <summary>The payload is not valid.</summary>
    Error = 1,
}
