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

/// <summary>A single-finger scanner that produces generated ridge patterns, by itself every interval and on command.</summary>
public sealed class SimulatedFingerprintScanner(string deviceId, SimulatedFingerprintScannerOptions options)
    : SimulatedDevice(deviceId, options), IFingerprintScanner
{
    /// <inheritdoc />
    public override IReadOnlyList<CaptureKind> TriggerKinds { get; } = [CaptureKind.Fingerprint];

    /// <inheritdoc />
    protected override DeviceIdentity Identity => new("Simulated", "Single-finger scanner", DeviceId, "1.0");

    /// <inheritdoc />
    protected override CapturePayload Make(CaptureKind kind, DateOnly today) =>
        new FingerprintPayload([new FingerImage(options.Finger, SyntheticImages.Finger(Random, options.Width, options.Height))]);
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
