namespace Gateway.Drivers.Fingerprint.Libfprint;

/// <summary>Makes <see cref="LibfprintScanner"/>s: driver name <c>libfprint</c>.</summary>
public sealed class LibfprintFactory : DriverFactory<LibfprintOptions>
{
    /// <inheritdoc />
    public override string Name => "libfprint";

    /// <inheritdoc />
    public override DeviceClass DeviceClass => DeviceClass.FingerprintScanner;

    /// <inheritdoc />
    protected override IDeviceDriver Create(string deviceId, LibfprintOptions options) => new LibfprintScanner(options);
}
