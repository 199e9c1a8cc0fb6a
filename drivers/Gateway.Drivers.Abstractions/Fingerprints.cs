namespace Gateway.Drivers;

/// <summary>How a fingerprint scanner can take fingers.</summary>
public enum FingerCaptureMode
{
    /// <summary>One flat finger at a time.</summary>
    SingleFlat = 1,

    /// <summary>The four fingers of one hand in one flat image (a slap).</summary>
    FourFingerSlap = 2,

    /// <summary>Both thumbs in one flat image.</summary>
    TwoThumbs = 3,

    /// <summary>One finger rolled from nail to nail.</summary>
    Rolled = 4,
}

/// <summary>ISO/IEC 19794-4 impression types; numbering matches the standard and <c>gateway.v1.FingerImpression</c>.</summary>
public enum FingerImpression
{
    /// <summary>Live-scan plain (flat).</summary>
    LiveScanPlain = 0,

    /// <summary>Live-scan rolled.</summary>
    LiveScanRolled = 1,

    /// <summary>Non-live-scan plain (a scanned ink card).</summary>
    NonLiveScanPlain = 2,

    /// <summary>Non-live-scan rolled (a scanned ink card).</summary>
    NonLiveScanRolled = 3,

    /// <summary>Live-scan swipe (a swipe sensor).</summary>
    Swipe = 8,
}

/// <summary>What a fingerprint scanner can take.</summary>
/// <param name="Modes">The capture modes it supports; the first is its usual one.</param>
/// <param name="Ppi">Image resolution in pixels per inch (500 for most booth scanners).</param>
/// <param name="Width">Width of its images in pixels; 0 when it varies.</param>
/// <param name="Height">Height of its images in pixels; 0 when it varies.</param>
public sealed record FingerprintCapabilities(IReadOnlyList<FingerCaptureMode> Modes, int Ppi, int Width, int Height)
{
    /// <summary>One flat finger at a time at 500 ppi, image size unknown: what a scanner that says nothing is assumed to be.</summary>
    public static FingerprintCapabilities SingleFlatFinger { get; } = new([FingerCaptureMode.SingleFlat], 500, 0, 0);
}

/// <summary>A request to capture a set of finger positions.</summary>
/// <param name="Positions">
/// The positions wanted, e.g. <see cref="FingerPosition.PlainRightFourFingers"/> for a right slap, or
/// <see cref="FingerPosition.RightIndex"/> for one finger on a single-finger scanner.
/// </param>
public sealed record FingerCaptureRequest(IReadOnlyList<FingerPosition> Positions)
{
    /// <summary>How the fingers are to be taken. Default live-scan plain.</summary>
    public FingerImpression Impression { get; init; } = FingerImpression.LiveScanPlain;
}

/// <summary>
/// The incident codes (<see cref="DeviceIncident.Code"/>) a fingerprint scanner reports through
/// <see cref="IDeviceContext.ReportIncident"/> while it captures, so the officer can guide the traveller. The host shows
/// its own English or French text for each.
/// </summary>
public static class FingerprintEvents
{
    /// <summary>The scanner waits for the finger(s) to be placed.</summary>
    public const string PlaceFinger = "finger.place";

    /// <summary>A finger is on the scanner.</summary>
    public const string FingerPresent = "finger.present";

    /// <summary>The finger was lifted.</summary>
    public const string FingerRemoved = "finger.removed";

    /// <summary>The scan failed for a reason the device did not name: place the finger again.</summary>
    public const string Retry = "finger.retry";

    /// <summary>The swipe or contact was too short: place the finger again, longer.</summary>
    public const string RetryTooShort = "finger.retry.too_short";

    /// <summary>The finger was not centred on the sensor.</summary>
    public const string RetryCentreFinger = "finger.retry.centre_finger";

    /// <summary>The finger must be lifted and placed again.</summary>
    public const string RetryRemoveFinger = "finger.retry.remove_finger";

    /// <summary>The finger is too dry: moisten it slightly and press harder.</summary>
    public const string RetryTooDry = "finger.retry.too_dry";

    /// <summary>The finger is too wet: dry it.</summary>
    public const string RetryTooWet = "finger.retry.too_wet";
}
