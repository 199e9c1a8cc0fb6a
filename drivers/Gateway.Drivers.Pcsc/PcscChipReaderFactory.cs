namespace Gateway.Drivers.Pcsc;

/// <summary>Makes <c>pcsc-chip</c> drivers: a contactless (or contact) smart card reader through PC/SC.</summary>
public sealed class PcscChipReaderFactory : DriverFactory<PcscChipReaderOptions>
{
    /// <inheritdoc />
    public override string Name => "pcsc-chip";

    /// <inheritdoc />
    public override DeviceClass DeviceClass => DeviceClass.DocumentReader;

    /// <inheritdoc />
    protected override IDeviceDriver Create(string deviceId, PcscChipReaderOptions options) => new PcscChipReader(options);
}
