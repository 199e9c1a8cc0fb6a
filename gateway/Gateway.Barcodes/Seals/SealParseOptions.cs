namespace Gateway.Barcodes.Seals;

/// <summary>Settings of one digital seal parse (VDS or VDS-NC). Immutable; <see cref="Default"/> is shared.</summary>
public sealed record SealParseOptions
{
    /// <summary>Lenient, no trust store (signatures are reported as not verified), the system clock.</summary>
    public static SealParseOptions Default { get; } = new();

    /// <summary>
    /// The signer and CSCA certificates to verify against. Default null: the seal is read and its signature reported as
    /// <see cref="SignatureStatus.NotVerified"/>, never as a pass.
    /// </summary>
    public TrustStore? TrustStore { get; init; }

    /// <summary>Strict, or lenient (the default) to accept the known real-world deviations and list them.</summary>
    public ParseMode Mode { get; init; } = ParseMode.Lenient;

    /// <summary>
    /// The clock for what has no date of its own: the VDS-NC certificate validity and chain (a VDS-NC carries no signing
    /// date) and the MRZ engine's reference date. A VDS is always judged at its signature creation date. Default
    /// <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
