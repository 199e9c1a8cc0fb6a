using Gateway.Drivers.Conformance;

namespace Gateway.Drivers.Sample.Tests;

/// <summary>The driver conformance kit against the sample driver, with a temporary DocuScan folder as the fixture.</summary>
public sealed class DocuScanConformanceTests : DriverConformanceTests, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("docuscan-");

    protected override IDriverFactory Factory { get; } = new DocuScanFactory();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Folder"] = _folder.FullName,
        ["PollInterval"] = "00:00:00.020",
    };

    protected override IReadOnlyDictionary<string, string?> FailingSettings => new Dictionary<string, string?>
    {
        ["Folder"] = Path.Combine(_folder.FullName, "no-such-folder"),
    };

    public void Dispose() => _folder.Delete(recursive: true);

    protected override async Task<CaptureData> ProvokeCaptureAsync(IDeviceDriver driver, ConformanceContext context, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "001.mrz"), DocuScanDriverTests.Td3, cancellationToken);
        return await context.Published.Reader.ReadAsync(cancellationToken);
    }
}
