namespace Gateway.Drivers.Serial;

/// <summary>Makes <see cref="SerialReaderDriver"/>s: driver name <c>serial</c>.</summary>
public sealed class SerialReaderFactory : DriverFactory<SerialReaderOptions>
{
    /// <inheritdoc />
    public override string Name => "serial";

    /// <inheritdoc />
    public override DeviceClass DeviceClass => DeviceClass.DocumentReader;

    /// <inheritdoc />
    protected override IDeviceDriver Create(string deviceId, SerialReaderOptions options) => new SerialReaderDriver(deviceId, options);
}
