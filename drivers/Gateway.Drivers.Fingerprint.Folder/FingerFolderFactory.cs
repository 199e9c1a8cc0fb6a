namespace Gateway.Drivers.Fingerprint.Folder;

/// <summary>Makes <c>fingerprint-folder</c> drivers.</summary>
public sealed class FingerFolderFactory : DriverFactory<FingerFolderOptions>
{
    /// <inheritdoc />
    public override string Name => "fingerprint-folder";

    /// <inheritdoc />
    public override DeviceClass DeviceClass => DeviceClass.FingerprintScanner;

    /// <inheritdoc />
    protected override IDeviceDriver Create(string deviceId, FingerFolderOptions options) => new FingerFolderScanner(options);
}
