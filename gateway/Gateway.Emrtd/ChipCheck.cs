namespace Gateway.Emrtd;

/// <summary>
/// One verification step of a chip read, named as the capture contract names them: <c>chip.access</c>,
/// <c>chip.dgN.hash</c>, <c>chip.sod.signature</c>, <c>chip.signer.chain</c>, <c>chip.aa</c>, <c>chip.ca</c>,
/// <c>chip.dg1.document-mrz</c>; <c>chip.read</c> when the chip's answers became unusable mid-read (a secure messaging
/// MAC failed, a file was refused).
/// </summary>
/// <param name="Name">The step's name.</param>
/// <param name="Status">Its outcome.</param>
/// <param name="Detail">What was checked and, when it failed, why (no personal data).</param>
public sealed record ChipCheck(string Name, ChipCheckStatus Status, string Detail);

/// <summary>The outcome of a verification step.</summary>
public enum ChipCheckStatus
{
    /// <summary>The step ran and holds.</summary>
    Passed,

    /// <summary>The step ran and does not hold.</summary>
    Failed,

    /// <summary>The step could not run (the chip lacks the file, the protocol is not supported).</summary>
    NotPerformed,
}
