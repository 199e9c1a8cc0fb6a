namespace Gateway.Drivers;

/// <summary>
/// A capture as a driver makes it. The host adds the id, sequence number, device and time, runs its verifications,
/// and publishes it.
/// </summary>
/// <param name="Payload">The captured data; its type gives the capture kind.</param>
public sealed record CaptureData(CapturePayload Payload)
{
    /// <summary>Checks the device itself made (a reader's own MRZ check, a scanner's quality score).</summary>
    public IReadOnlyList<CaptureCheck> Checks { get; init; } = [];

    /// <summary>When the device made the capture; null lets the host stamp it on receipt.</summary>
    public DateTimeOffset? CapturedAt { get; init; }
}

/// <summary>One verification of a capture.</summary>
/// <param name="Name">Stable, dotted name, e.g. <c>mrz.check_digit.document_number</c>.</param>
/// <param name="Outcome">What the check found.</param>
/// <param name="Detail">Human-readable detail (expected and found values, reason); no personal data.</param>
public sealed record CaptureCheck(string Name, CheckOutcome Outcome, string Detail = "");

/// <summary>The result of one check; numbering matches <c>gateway.v1.CheckOutcome</c>.</summary>
public enum CheckOutcome
{
    /// <summary>The check ran and passed.</summary>
    Passed = 1,

    /// <summary>The check ran and failed.</summary>
    Failed = 2,

    /// <summary>The check does not apply to this capture.</summary>
    NotApplicable = 3,
}
