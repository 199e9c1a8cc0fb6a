using System.ComponentModel.DataAnnotations;
using Gateway.Drivers.Simulated.Internal;

namespace Gateway.Drivers.Simulated;

/// <summary>Settings of the <c>simulated-fingerprint</c> driver.</summary>
public sealed class SimulatedFingerprintScannerOptions : SimulatedDeviceOptions
{
    /// <summary>Image width in pixels (500 ppi). Default 320.</summary>
    [Range(64, 2048)]
    public int Width { get; set; } = 320;

    /// <summary>Image height in pixels (500 ppi). Default 400.</summary>
    [Range(64, 2048)]
    public int Height { get; set; } = 400;

    /// <summary>The finger each capture claims to be (ISO/IEC 19794-4). Default right index.</summary>
    public FingerPosition Finger { get; set; } = FingerPosition.RightIndex;
}

/// <summary>
/// A 4-4-2 scanner that produces generated ridge patterns: one finger by itself every interval (the configured
/// <c>Finger</c>) and, on command, any single finger, a four-finger slap (1600 × 1500) or both thumbs, reporting
/// finger placed, present and removed as a real scanner does.
/// </summary>
public sealed class SimulatedFingerprintScanner(string deviceId, SimulatedFingerprintScannerOptions options)
    : SimulatedDevice(deviceId, options), IFingerprintScanner
{
    private readonly AsyncLocal<FingerCaptureRequest?> _request = new();

    /// <inheritdoc />
    public override IReadOnlyList<CaptureKind> TriggerKinds { get; } = [CaptureKind.Fingerprint];

    /// <inheritdoc />
    public FingerprintCapabilities Capabilities { get; } =
        new([FingerCaptureMode.SingleFlat, FingerCaptureMode.FourFingerSlap, FingerCaptureMode.TwoThumbs], 500, 0, 0);

    /// <inheritdoc />
    protected override DeviceIdentity Identity => new("Simulated", "4-4-2 fingerprint scanner", DeviceId, "1.0");

    /// <inheritdoc />
    public async Task<CaptureData> CaptureFingersAsync(FingerCaptureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Positions.Count == 0)
        {
            throw new DeviceException("simulated.no_position", "Ask for at least one finger position.", isTransient: false);
        }

        _request.Value = request;
        Context?.ReportIncident(new DeviceIncident(FingerprintEvents.PlaceFinger, "The scanner waits for the fingers."));
        Context?.ReportIncident(new DeviceIncident(FingerprintEvents.FingerPresent, "Fingers on the scanner."));
        try
        {
            return await CaptureAsync(CaptureKind.Fingerprint, cancellationToken);
        }
        finally
        {
            _request.Value = null;
            Context?.ReportIncident(new DeviceIncident(FingerprintEvents.FingerRemoved, "Fingers lifted."));
        }
    }

    /// <inheritdoc />
    protected override CapturePayload Make(CaptureKind kind, DateOnly today)
    {
        if (_request.Value is not { } request)
        {
            return new FingerprintPayload([new FingerImage(options.Finger, SyntheticImages.Finger(Random, options.Width, options.Height))]);
        }

        var images = request.Positions.Select(position => new FingerImage(position, position switch
        {
            FingerPosition.PlainRightFourFingers or FingerPosition.PlainLeftFourFingers => SyntheticImages.Slap(Random, 4),
            FingerPosition.PlainThumbs => SyntheticImages.Slap(Random, 2),
            _ => SyntheticImages.Finger(Random, options.Width, options.Height),
        }));
        return new FingerprintPayload([.. images]) { RequestedPositions = request.Positions, Impression = request.Impression };
    }
}

/// <summary>Makes <see cref="SimulatedFingerprintScanner"/>s: driver name <c>simulated-fingerprint</c>.</summary>
public sealed class SimulatedFingerprintScannerFactory : DriverFactory<SimulatedFingerprintScannerOptions>
{
    /// <inheritdoc />
    public override string Name => "simulated-fingerprint";

    /// <inheritdoc />
    public override DeviceClass DeviceClass => DeviceClass.FingerprintScanner;

    /// <inheritdoc />
    protected override IDeviceDriver Create(string deviceId, SimulatedFingerprintScannerOptions options) =>
        new SimulatedFingerprintScanner(deviceId, options);
}
