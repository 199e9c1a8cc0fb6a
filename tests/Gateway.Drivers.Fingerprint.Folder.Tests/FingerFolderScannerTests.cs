using Gateway.Drivers.Conformance;
using Gateway.Imaging.TestMedia.Fingerprints;

namespace Gateway.Drivers.Fingerprint.Folder.Tests;

public sealed class FingerFolderScannerTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("finger-folder-");
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(30));

    public void Dispose()
    {
        _stop.Dispose();
        _folder.Delete(recursive: true);
    }

    /// <summary>Writes a generated print (no real person's) under <paramref name="name"/>.</summary>
    internal static byte[] WritePrint(string folder, string name, int seed, bool slap = false)
    {
        var png = (slap ? SyntheticFingerprint.Slap(seed) : SyntheticFingerprint.Finger(seed)).EncodePng();
        File.WriteAllBytes(Path.Combine(folder, name), png);
        return png;
    }

    private async Task<(FingerFolderScanner Scanner, ConformanceContext Context, Task Run)> StartAsync(TimeSpan? timeout = null)
    {
        var scanner = new FingerFolderScanner(new FingerFolderOptions
        {
            Folder = _folder.FullName,
            CaptureTimeout = timeout ?? TimeSpan.FromSeconds(10),
            PollInterval = TimeSpan.FromMilliseconds(10),
        });
        var context = new ConformanceContext("fingers-1");
        var run = scanner.RunAsync(context, _stop.Token);
        Assert.True(await context.WaitForStateAsync(DeviceState.Ready, TimeSpan.FromSeconds(10)));
        return (scanner, context, run);
    }

    [Fact]
    public async Task CaptureFingers_SlapAndThumbs_TakesTheNamedImagesAndMovesThemToDone()
    {
        var slap = WritePrint(_folder.FullName, "0001_right-slap.png", 1, slap: true);
        var thumbs = WritePrint(_folder.FullName, "0001_thumbs.png", 2, slap: true);
        WritePrint(_folder.FullName, "0001_left-slap.png", 3, slap: true);
        var (scanner, context, _) = await StartAsync();

        var capture = await scanner.CaptureFingersAsync(new FingerCaptureRequest([FingerPosition.PlainRightFourFingers, FingerPosition.PlainThumbs]), _stop.Token);

        var payload = Assert.IsType<FingerprintPayload>(capture.Payload);
        Assert.Equal([FingerPosition.PlainRightFourFingers, FingerPosition.PlainThumbs], payload.Fingers.Select(f => f.Position));
        Assert.Equal(slap, payload.Fingers[0].Image.Data.ToArray());
        Assert.Equal(thumbs, payload.Fingers[1].Image.Data.ToArray());
        Assert.Equal(500, payload.Fingers[0].Image.Ppi);
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "done", "0001_right-slap.png")));
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "0001_left-slap.png")), "an image not asked for stays");
        Assert.Equal(
            [FingerprintEvents.PlaceFinger, FingerprintEvents.FingerPresent, FingerprintEvents.FingerRemoved],
            context.Incidents.Select(i => i.Code));
        await scanner.DisposeAsync();
    }

    [Fact]
    public async Task CaptureFingers_ImageArrivesWhileWaiting_IsTaken()
    {
        var (scanner, context, _) = await StartAsync();

        var capture = scanner.CaptureFingersAsync(new FingerCaptureRequest([FingerPosition.RightIndex]), _stop.Token);
        while (!context.Incidents.Any(i => i.Code == FingerprintEvents.PlaceFinger))
        {
            await Task.Delay(5, _stop.Token);
        }

        Assert.False(capture.IsCompleted, "the capture waits for the finger");
        WritePrint(_folder.FullName, "right-index.png", 4);

        var payload = Assert.IsType<FingerprintPayload>((await capture).Payload);
        Assert.Equal(FingerPosition.RightIndex, Assert.Single(payload.Fingers).Position);
    }

    [Fact]
    public async Task CaptureFingers_ImageStillBeingWritten_IsNotTaken()
    {
        // The first half of a PNG, as the scanner software's save is seen midway: no IEND chunk yet.
        var png = SyntheticFingerprint.Finger(6).EncodePng();
        File.WriteAllBytes(Path.Combine(_folder.FullName, "right-index.png"), png[..(png.Length / 2)]);
        var (scanner, _, _) = await StartAsync(TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<DeviceException>(() =>
            scanner.CaptureFingersAsync(new FingerCaptureRequest([FingerPosition.RightIndex]), _stop.Token));

        Assert.Equal("fingerprint_folder.timeout", error.Code);
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "right-index.png")), "the file being written stays where it is");
    }

    [Fact]
    public async Task CaptureFingers_NoImage_TimesOutNamingTheMissingFinger()
    {
        WritePrint(_folder.FullName, "right-index.png", 5);
        var (scanner, _, _) = await StartAsync(TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<DeviceException>(() =>
            scanner.CaptureFingersAsync(new FingerCaptureRequest([FingerPosition.RightIndex, FingerPosition.LeftIndex]), _stop.Token));

        Assert.Equal("fingerprint_folder.timeout", error.Code);
        Assert.Contains("left-index", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "right-index.png")), "nothing is used by a capture that failed");
    }

    [Fact]
    public async Task CaptureFingers_NotAPng_IsAClearError()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "right-index.png"), "not an image");
        var (scanner, _, _) = await StartAsync();

        var error = await Assert.ThrowsAsync<DeviceException>(() =>
            scanner.CaptureFingersAsync(new FingerCaptureRequest([FingerPosition.RightIndex]), _stop.Token));

        Assert.Equal("fingerprint_folder.not_png", error.Code);
    }
}

/// <summary>The driver conformance kit against the folder scanner.</summary>
public sealed class ConformanceTests : DriverConformanceTests, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("finger-folder-");

    protected override IDriverFactory Factory { get; } = new FingerFolderFactory();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Folder"] = _folder.FullName,
        ["PollInterval"] = "00:00:00.010",
    };

    protected override IReadOnlyDictionary<string, string?> FailingSettings => new Dictionary<string, string?>
    {
        ["Folder"] = Path.Combine(_folder.FullName, "no-such-folder"),
    };

    public void Dispose() => _folder.Delete(recursive: true);

    protected override Task<CaptureData> ProvokeCaptureAsync(IDeviceDriver driver, ConformanceContext context, CancellationToken cancellationToken)
    {
        FingerFolderScannerTests.WritePrint(_folder.FullName, "right-index.png", 9);
        return ((IFingerprintScanner)driver).CaptureFingersAsync(new FingerCaptureRequest([FingerPosition.RightIndex]), cancellationToken);
    }
}
