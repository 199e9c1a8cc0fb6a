using System.ComponentModel.DataAnnotations;
using Gateway.Drivers.Simulated.Internal;

namespace Gateway.Drivers.Simulated;

/// <summary>Settings of the <c>simulated-camera</c> driver.</summary>
public sealed class SimulatedCameraOptions : SimulatedDeviceOptions
{
    /// <summary>Portrait width in pixels. Default 360.</summary>
    [Range(64, 4096)]
    public int Width { get; set; } = 360;

    /// <summary>Portrait height in pixels. Default 480.</summary>
    [Range(64, 4096)]
    public int Height { get; set; } = 480;
}

/// <summary>A webcam that takes generated cartoon portraits, by itself every interval and on command.</summary>
public sealed class SimulatedCamera(string deviceId, SimulatedCameraOptions options)
    : SimulatedDevice(deviceId, options), ICamera
{
    /// <inheritdoc />
    public override IReadOnlyList<CaptureKind> TriggerKinds { get; } = [CaptureKind.Portrait, CaptureKind.Image];

    /// <inheritdoc />
    protected override DeviceIdentity Identity => new("Simulated", "Portrait camera", DeviceId, "1.0");

    /// <inheritdoc />
    protected override CapturePayload Make(CaptureKind kind, DateOnly today)
    {
        var image = SyntheticImages.Portrait(Random, options.Width, options.Height);
        return kind == CaptureKind.Image ? new ImagePayload([image]) : new PortraitPayload(image);
    }
}

/// <summary>Makes <see cref="SimulatedCamera"/>s: driver name <c>simulated-camera</c>.</summary>
public sealed class SimulatedCameraFactory : DriverFactory<SimulatedCameraOptions>
{
    /// <inheritdoc />
    public override string Name => "simulated-camera";

    /// <inheritdoc />
    public override DeviceClass DeviceClass => DeviceClass.Camera;

    /// <inheritdoc />
    protected override IDeviceDriver Create(string deviceId, SimulatedCameraOptions options) =>
        new SimulatedCamera(deviceId, options);
}
