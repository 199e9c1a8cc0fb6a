namespace Gateway.Emrtd;

/// <summary>How a chip is read and verified. The defaults fail closed: PACE only, passive authentication required.</summary>
public sealed record ChipReadOptions
{
    /// <summary>
    /// Whether BAC may be used when the chip offers no PACE, or PACE fails for a reason other than a wrong key. Default
    /// false (fail closed); every fallback used is recorded in <see cref="ChipReadResult.AccessFallbacks"/>.
    /// </summary>
    public bool AllowBac { get; init; }

    /// <summary>The CSCA store passive authentication chains to; without one, <c>chip.signer.chain</c> fails.</summary>
    public CscaStore? Csca { get; init; }

    /// <summary>
    /// How many check-digit-consistent alternatives of an OCR'd document number are tried when the key is refused
    /// (default 4; 0 disables). Chips may slow down after failed attempts, so keep it small.
    /// </summary>
    public int MaxKeyCorrections { get; init; } = 4;

    /// <summary>The data groups read besides DG1 (default DG2, DG11, DG12, DG14, DG15 when EF.COM lists them).</summary>
    public IReadOnlyList<int> DataGroups { get; init; } = [2, 11, 12, 14, 15];

    /// <summary>The MRZ a document reader delivered: DG1 is compared with it field by field (<c>chip.dg1.document-mrz</c>).</summary>
    public Gateway.Mrz.MrzResult? DocumentMrz { get; init; }

    /// <summary>The language of check details and fallbacks (English and French texts; default the current UI culture).</summary>
    public System.Globalization.CultureInfo Culture { get; init; } = System.Globalization.CultureInfo.CurrentUICulture;

    /// <summary>The clock certificates are checked against.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
