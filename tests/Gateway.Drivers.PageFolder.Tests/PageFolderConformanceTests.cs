using Gateway.Drivers.Conformance;

namespace Gateway.Drivers.PageFolder.Tests;

/// <summary>The driver conformance kit against the page-folder driver, with a temporary hot folder as the fixture.</summary>
public sealed class PageFolderConformanceTests : DriverConformanceTests, IDisposable
{
    private readonly FolderSetup _folder = new();

    protected override IDriverFactory Factory { get; } = new PageFolderFactory();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Path"] = _folder.Path,
        ["PollInterval"] = "00:00:00.020",
        ["StableTime"] = "00:00:00.050",
    };

    protected override IReadOnlyDictionary<string, string?> FailingSettings => new Dictionary<string, string?>
    {
        ["Path"] = System.IO.Path.Combine(_folder.Path, "no-such-folder"),
    };

    public void Dispose() => _folder.Dispose();

    protected override async Task<CaptureData> ProvokeCaptureAsync(IDeviceDriver driver, ConformanceContext context, CancellationToken cancellationToken)
    {
        _folder.DropSet("0001", 1, "_white", "_ir", "_uv");
        return await context.Published.Reader.ReadAsync(cancellationToken);
    }
}
