namespace Gateway.Drivers.PageFolder;

/// <summary>Makes <c>page-folder</c> drivers.</summary>
public sealed class PageFolderFactory : DriverFactory<PageFolderOptions>
{
    /// <inheritdoc />
    public override string Name => "page-folder";

    /// <inheritdoc />
    public override DeviceClass DeviceClass => DeviceClass.DocumentReader;

    /// <inheritdoc />
    protected override IDeviceDriver Create(string deviceId, PageFolderOptions options) => new PageFolderReader(options);
}
