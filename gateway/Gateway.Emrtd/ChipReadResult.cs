using Gateway.Mrz;

namespace Gateway.Emrtd;

/// <summary>What a chip read found and how far it can be trusted.</summary>
public sealed record ChipReadResult
{
    /// <summary>The access protocol that opened the chip (<see cref="ChipAccessProtocol.None"/> when none did).</summary>
    public required ChipAccessProtocol AccessProtocol { get; init; }

    /// <summary>The PACE protocol OID used, when PACE was.</summary>
    public string? PaceProtocol { get; init; }

    /// <summary>Every departure from "PACE with the given key", in order (e.g. "chip offers no PACE; BAC used").</summary>
    public IReadOnlyList<string> AccessFallbacks { get; init; } = [];

    /// <summary>Whether the key was a corrected alternative of the OCR'd document number, not the number as read.</summary>
    public bool KeyCorrected { get; init; }

    /// <summary>DG1's MRZ through the MRZ engine; null when DG1 was not read.</summary>
    public MrzResult? Mrz { get; init; }

    /// <summary>DG2's facial image, when present.</summary>
    public ChipPortrait? Portrait { get; init; }

    /// <summary>The raw bytes of every file read (data group number → bytes; 0 is EF.SOD), exactly as the chip sent them.</summary>
    public IReadOnlyDictionary<int, byte[]> DataGroups { get; init; } = new Dictionary<int, byte[]>();

    /// <summary>DG11 additional personal details by tag (e.g. 0x5F0E full name), when read.</summary>
    public IReadOnlyDictionary<int, string> AdditionalPersonalDetails { get; init; } = new Dictionary<int, string>();

    /// <summary>DG12 additional document details by tag (e.g. 0x5F19 issuing authority), when read.</summary>
    public IReadOnlyDictionary<int, string> AdditionalDocumentDetails { get; init; } = new Dictionary<int, string>();

    /// <summary>One check per verification step.</summary>
    public IReadOnlyList<ChipCheck> Checks { get; init; } = [];

    /// <summary>Time spent per protocol step (access, each file, verification), in order.</summary>
    public IReadOnlyList<ChipStepTiming> Timings { get; init; } = [];

    /// <summary>
    /// True only when passive authentication holds: access succeeded, the SOD signature verifies, its signer chains to a
    /// trusted CSCA, and every data group read matches its SOD hash. Active/chip authentication and the comparison with
    /// the document's MRZ are reported as checks but do not decide this.
    /// </summary>
    public bool Verified { get; init; }

    /// <summary>The check with <paramref name="name"/>, or null.</summary>
    /// <param name="name">A check name such as <c>chip.sod.signature</c>.</param>
    /// <returns>The check.</returns>
    public ChipCheck? GetCheck(string name) => Checks.FirstOrDefault(c => c.Name == name);
}

/// <summary>The time one step of a chip read took.</summary>
/// <param name="Step">The step (e.g. "access", "read DG2", "passive authentication").</param>
/// <param name="Elapsed">Wall time, link included.</param>
/// <param name="Bytes">APDU bytes exchanged during the step (both directions).</param>
public sealed record ChipStepTiming(string Step, TimeSpan Elapsed, long Bytes);
