namespace Gateway.Drivers.Sane;

/// <summary>Makes <c>sane-scanner</c> drivers.</summary>
public sealed class SaneScannerFactory : DriverFactory<SaneScannerOptions>
{
    /// <inheritdoc />
    public override string Name => "sane-scanner";

    /// <inheritdoc />
    public override DeviceClass DeviceClass => DeviceClass.DocumentReader;

    /// <inheritdoc />
    protected override IDeviceDriver Create(string deviceId, SaneScannerOptions options) => new SaneScanner(options);
}
