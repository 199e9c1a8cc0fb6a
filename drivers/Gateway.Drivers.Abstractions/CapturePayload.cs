namespace Gateway.Drivers;

/// <summary>The data of a capture. One subtype per <see cref="CaptureKind"/>.</summary>
public abstract record CapturePayload
{
    private protected CapturePayload()
    {
    }

    /// <summary>The capture kind this payload is.</summary>
    public abstract CaptureKind Kind { get; }
}

/// <summary>A travel document read by its machine-readable zone.</summary>
/// <param name="MrzLines">The MRZ lines as the device delivered them (the host parses and checks them).</param>
public sealed record DocumentPayload(IReadOnlyList<string> MrzLines) : CapturePayload
{
    /// <inheritdoc />
    public override CaptureKind Kind => CaptureKind.Document;

    /// <summary>Page images delivered with the document (full-page readers), one per light source.</summary>
    public IReadOnlyList<CapturedImage> Pages { get; init; } = [];
}

/// <summary>A decoded barcode.</summary>
/// <param name="Symbology">Symbology, e.g. <c>PDF417</c>, <c>QR_CODE</c>, <c>AZTEC</c>, <c>DATA_MATRIX</c>.</param>
/// <param name="Raw">The raw payload bytes.</param>
public sealed record BarcodePayload(string Symbology, ReadOnlyMemory<byte> Raw) : CapturePayload
{
    /// <inheritdoc />
    public override CaptureKind Kind => CaptureKind.Barcode;

    /// <summary>The payload as text, when it is text.</summary>
    public string? Text { get; init; }

    /// <summary>AIM symbology identifier (e.g. <c>]L0</c>), when the scanner sent one.</summary>
    public string? AimIdentifier { get; init; }
}

/// <summary>A page or frame image, one per light source.</summary>
/// <param name="Images">The images.</param>
public sealed record ImagePayload(IReadOnlyList<CapturedImage> Images) : CapturePayload
{
    /// <inheritdoc />
    public override CaptureKind Kind => CaptureKind.Image;
}

/// <summary>A face portrait.</summary>
/// <param name="Image">The portrait.</param>
public sealed record PortraitPayload(CapturedImage Image) : CapturePayload
{
    /// <inheritdoc />
    public override CaptureKind Kind => CaptureKind.Portrait;

    /// <summary>
    /// The instruction the device's quality gate gave for this portrait (a stable code such as <c>ready</c> or
    /// <c>move_closer</c>, translated by the host); null when the device has no quality gate.
    /// </summary>
    public string? FeedbackCode { get; init; }
}

/// <summary>Finger images from one capture.</summary>
/// <param name="Fingers">
/// One image per finger, or per group of fingers for a scanner that takes several in one image (a four-finger slap is
/// one image with <see cref="FingerPosition.PlainRightFourFingers"/>; the host separates the fingers).
/// </param>
public sealed record FingerprintPayload(IReadOnlyList<FingerImage> Fingers) : CapturePayload
{
    /// <inheritdoc />
    public override CaptureKind Kind => CaptureKind.Fingerprint;

    /// <summary>
    /// The finger positions the capture was asked for (<see cref="FingerCaptureRequest.Positions"/>); empty for a capture
    /// the device made by itself, which is then judged by the positions of <see cref="Fingers"/>.
    /// </summary>
    public IReadOnlyList<FingerPosition> RequestedPositions { get; init; } = [];

    /// <summary>How the fingers were taken (ISO/IEC 19794-4 impression type). Default live-scan plain.</summary>
    public FingerImpression Impression { get; init; } = FingerImpression.LiveScanPlain;
}

/// <summary>One finger's image.</summary>
/// <param name="Position">ISO/IEC 19794-4 finger position.</param>
/// <param name="Image">The image, grey.</param>
public sealed record FingerImage(FingerPosition Position, CapturedImage Image);
