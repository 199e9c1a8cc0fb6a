namespace Gateway.Drivers.Camera;

/// <summary>Makes <see cref="CameraDriver"/>s: driver name <c>camera</c>.</summary>
public sealed class CameraDriverFactory : DriverFactory<CameraOptions>
{
    /// <inheritdoc />
    public override string Name => "camera";

    /// <inheritdoc />
    public override DeviceClass DeviceClass => DeviceClass.Camera;

    /// <inheritdoc />
    protected override IDeviceDriver Create(string deviceId, CameraOptions options) => new CameraDriver(deviceId, options);
}
