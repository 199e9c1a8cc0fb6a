namespace Gateway.Drivers.Sample;

/// <summary>
/// The factory the gateway finds in this package: it names the driver (the <c>Driver</c> value of a device entry),
/// its device class, and makes one driver per device start. Settings are bound and validated by the base class.
/// </summary>
public sealed class DocuScanFactory : DriverFactory<DocuScanOptions>
{
    /// <inheritdoc />
    public override string Name => "acme-docuscan";

    /// <inheritdoc />
    public override DeviceClass DeviceClass => DeviceClass.DocumentReader;

    /// <inheritdoc />
    protected override IDeviceDriver Create(string deviceId, DocuScanOptions options) => new DocuScanDriver(options);
}
