using Microsoft.Extensions.Configuration;
using Gateway.Drivers.Conformance;
using OpenCvSharp;

namespace Gateway.Drivers.PageFolder.Tests;

public sealed class PageFolderReaderTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);
    private readonly FolderSetup _folder = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    public void Dispose()
    {
        _timeout.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Run_SetOfThreeLights_PublishesOneDocumentWithAPagePerLightAndMovesItToDone()
    {
        var context = new ConformanceContext("page-folder-1");
        await using var running = await StartAsync(context);

        var white = TestPages.WithPpi(TestPages.Png(1, 300, 200), 600);
        _folder.Drop("0001_ir.png", TestPages.Png(2));
        _folder.Drop("0001_white.png", white);
        _folder.Drop("0001_uv.png", TestPages.Png(3));
        var capture = await context.Published.Reader.ReadAsync(_timeout.Token);

        var document = Assert.IsType<DocumentPayload>(capture.Payload);
        Assert.Empty(document.MrzLines);
        Assert.Equal([LightSource.Visible, LightSource.Infrared, LightSource.Ultraviolet], document.Pages.Select(p => p.Light));
        var page = document.Pages[0];
        Assert.Equal((ImageFormat.Png, 300, 200, 600), (page.Format, page.Width, page.Height, page.Ppi));
        Assert.Equal(white, page.Data.ToArray());
        Assert.Equal(300, document.Pages[1].Ppi); // no pHYs: the configured default
        await WaitUntilAsync(() => Directory.Exists(Path.Combine(_folder.Done, "0001")));
        Assert.Equal(["0001_ir.png", "0001_uv.png", "0001_white.png"], Directory.GetFiles(Path.Combine(_folder.Done, "0001")).Select(Path.GetFileName).Order());
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Processing));
    }

    [Fact]
    public async Task Run_LoneJpeg_IsAVisibleOnlySetWithTheHeadersSize()
    {
        var context = new ConformanceContext("page-folder-1");
        await using var running = await StartAsync(context, o => o.SettleTime = TimeSpan.FromMinutes(5));

        _folder.Drop("scan 7.jpg", TestPages.Jpeg(4, 321, 123));
        var capture = await context.Published.Reader.ReadAsync(_timeout.Token);

        var page = Assert.Single(Assert.IsType<DocumentPayload>(capture.Payload).Pages);
        Assert.Equal((ImageFormat.Jpeg, 321, 123, LightSource.Visible), (page.Format, page.Width, page.Height, page.Light));
        using var decoded = Cv2.ImDecode(page.Data.ToArray(), ImreadModes.Color);
        Assert.Equal(321, decoded.Width);
    }

    [Fact]
    public async Task Run_SetWithoutItsInfraredImage_IsTakenAfterTheSettleTime()
    {
        var context = new ConformanceContext("page-folder-1");
        await using var running = await StartAsync(context, o => o.SettleTime = TimeSpan.FromMilliseconds(300));

        _folder.DropSet("0002", 5, "_white", "_uv");
        var capture = await context.Published.Reader.ReadAsync(_timeout.Token);

        Assert.Equal([LightSource.Visible, LightSource.Ultraviolet], Assert.IsType<DocumentPayload>(capture.Payload).Pages.Select(p => p.Light));
    }

    [Fact]
    public async Task Run_ConfiguredSuffixesAndLights_AreHonoured()
    {
        var context = new ConformanceContext("page-folder-1");
        await using var running = await StartAsync(context, o =>
        {
            (o.VisibleSuffix, o.InfraredSuffix, o.ExpectedLights) = ("-VIS", "-NIR", "Visible,Infrared");
            o.SettleTime = TimeSpan.FromMinutes(5);
        });

        _folder.DropSet("A17", 6, "-vis", "-nir");
        var capture = await context.Published.Reader.ReadAsync(_timeout.Token);

        Assert.Equal([LightSource.Visible, LightSource.Infrared], Assert.IsType<DocumentPayload>(capture.Payload).Pages.Select(p => p.Light));
    }

    [Fact]
    public async Task Run_HalfWrittenFile_IsReadOnlyOnceItsWriterHasFinished()
    {
        var context = new ConformanceContext("page-folder-1");
        await using var running = await StartAsync(context);
        var whole = TestPages.Png(7, 400, 300);

        // The scanner tool writes in place, and pauses half-way, longer than the stable time.
        var half = Path.Combine(_folder.Path, "slow.png");
        await using (var stream = File.Create(half))
        {
            await stream.WriteAsync(whole.AsMemory(0, whole.Length / 2));
        }

        // A later, complete scan goes through meanwhile: the driver has looked at the folder, and skipped the half file.
        _folder.Drop("quick.png", TestPages.Png(8));
        var first = await context.Published.Reader.ReadAsync(_timeout.Token);
        Assert.Equal(240, Assert.IsType<DocumentPayload>(first.Payload).Pages[0].Width);
        Assert.True(File.Exists(half));
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Failed));

        await using (var stream = new FileStream(half, FileMode.Append))
        {
            await stream.WriteAsync(whole.AsMemory(whole.Length / 2));
        }

        var second = await context.Published.Reader.ReadAsync(_timeout.Token);
        Assert.Equal(whole, Assert.IsType<DocumentPayload>(second.Payload).Pages[0].Data.ToArray());
        Assert.Empty(context.Incidents);
    }

    [Fact]
    public async Task Run_WriterThatNeverFinishes_SendsTheSetToFailedAfterTheIncompleteTimeout()
    {
        var context = new ConformanceContext("page-folder-1");
        await using var running = await StartAsync(context, o => o.IncompleteTimeout = TimeSpan.FromMilliseconds(300));

        var whole = TestPages.Png(9);
        await File.WriteAllBytesAsync(Path.Combine(_folder.Path, "dead_white.png"), whole.AsMemory(0, whole.Length - 20).ToArray());

        await WaitUntilAsync(() => File.Exists(Path.Combine(_folder.Failed, "dead", "dead.error.txt")));
        var incident = await WaitForIncidentAsync(context);
        Assert.Equal(("page_folder.incomplete_image", IncidentSeverity.Error), (incident.Code, incident.Severity));
        Assert.StartsWith("dead_white.png: the PNG ends at byte", await File.ReadAllTextAsync(Path.Combine(_folder.Failed, "dead", "dead.error.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CorruptFile_GoesToFailedWithItsReason_AndTheDeviceStaysReady()
    {
        var context = new ConformanceContext("page-folder-1");
        await using var running = await StartAsync(context);

        var damaged = TestPages.Png(10);
        damaged[damaged.Length / 2] ^= 0xFF; // a flipped byte inside the image data: its chunk's CRC fails
        _folder.Drop("0003_white.png", damaged);
        _folder.Drop("0003_ir.png", TestPages.Png(11));
        _folder.Drop("0003_uv.png", TestPages.Png(12));
        _folder.Drop("notes.png", "this is not an image"u8.ToArray());

        await WaitUntilAsync(() => File.Exists(Path.Combine(_folder.Failed, "0003", "0003.error.txt")) && File.Exists(Path.Combine(_folder.Failed, "notes", "notes.error.txt")));
        Assert.Contains("0003_white.png", await File.ReadAllTextAsync(Path.Combine(_folder.Failed, "0003", "0003.error.txt")), StringComparison.Ordinal);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(_folder.Failed, "0003"), "*.png").Length);
        Assert.Equal(["page_folder.corrupt_image", "page_folder.corrupt_image"], context.Incidents.Select(i => i.Code));

        _folder.DropSet("0004", 13, "_white", "_ir", "_uv");
        var capture = await context.Published.Reader.ReadAsync(_timeout.Token);
        Assert.Equal(3, Assert.IsType<DocumentPayload>(capture.Payload).Pages.Count);
        Assert.False(running.Run.IsCompleted);
    }

    [Fact]
    public async Task Run_TiffFile_GoesToFailedSayingWhichFormatsAreRead()
    {
        var context = new ConformanceContext("page-folder-1");
        await using var running = await StartAsync(context);

        using (var image = new Mat(40, 60, MatType.CV_8UC1, Scalar.All(128)))
        {
            _folder.Drop("0006.tif", image.ToBytes(".tif"));
        }

        await WaitUntilAsync(() => File.Exists(Path.Combine(_folder.Failed, "0006", "0006.error.txt")));
        Assert.Contains("PNG or JPEG", await File.ReadAllTextAsync(Path.Combine(_folder.Failed, "0006", "0006.error.txt")), StringComparison.Ordinal);
        Assert.Equal("page_folder.unsupported_format", (await WaitForIncidentAsync(context)).Code);
    }

    [Fact]
    public async Task Run_StoppedMidBatch_TheNextRunPublishesEverySetExactlyOnce()
    {
        for (var i = 1; i <= 4; i++)
        {
            _folder.DropSet($"batch{i}", i * 10, "_white", "_ir", "_uv");
        }

        // The first run: the host takes two sets, then stops taking any and the gateway stops.
        var held = new HeldContext(accepted: 2);
        var first = await StartAsync(held.Inner, configure: null, context: held);
        await held.Held.Task.WaitAsync(Bound);
        await first.DisposeAsync();
        Assert.Single(Directory.GetDirectories(_folder.Processing));

        var second = new ConformanceContext("page-folder-1");
        await using (await StartAsync(second))
        {
            await WaitUntilAsync(() => Directory.GetDirectories(_folder.Done).Length == 4);
        }

        var published = Drain(held.Inner).Concat(Drain(second)).ToList();
        Assert.Equal(4, published.Count);
        Assert.Equal(4, published.Select(c => Convert.ToHexString(((DocumentPayload)c.Payload).Pages[0].Data.Span)).Distinct().Count());
        Assert.Equal(["batch1", "batch2", "batch3", "batch4"], Directory.GetDirectories(_folder.Done).Select(Path.GetFileName).Order());
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Processing));
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public async Task Run_SetClaimedBeforeACrash_IsPublishedAtStart()
    {
        var claimed = Directory.CreateDirectory(Path.Combine(_folder.Processing, "0005"));
        await File.WriteAllBytesAsync(Path.Combine(claimed.FullName, "0005_white.png"), TestPages.Png(14));
        await File.WriteAllBytesAsync(Path.Combine(claimed.FullName, "0005_ir.png"), TestPages.Png(15));

        var context = new ConformanceContext("page-folder-1");
        await using var running = await StartAsync(context);
        var capture = await context.Published.Reader.ReadAsync(_timeout.Token);

        Assert.Equal([LightSource.Visible, LightSource.Infrared], Assert.IsType<DocumentPayload>(capture.Payload).Pages.Select(p => p.Light));
        await WaitUntilAsync(() => Directory.Exists(Path.Combine(_folder.Done, "0005")));
        Assert.False(Directory.Exists(claimed.FullName));
    }

    [Fact]
    public async Task Run_ScannerReusesAName_BothSetsAreKeptInDone()
    {
        var context = new ConformanceContext("page-folder-1");
        await using var running = await StartAsync(context);

        _folder.Drop("page.png", TestPages.Png(16));
        await context.Published.Reader.ReadAsync(_timeout.Token);
        await WaitUntilAsync(() => Directory.Exists(Path.Combine(_folder.Done, "page")));
        _folder.Drop("page.png", TestPages.Png(17));
        await context.Published.Reader.ReadAsync(_timeout.Token);

        await WaitUntilAsync(() => Directory.Exists(Path.Combine(_folder.Done, "page-2")));
        Assert.NotEqual(
            await File.ReadAllBytesAsync(Path.Combine(_folder.Done, "page", "page.png")),
            await File.ReadAllBytesAsync(Path.Combine(_folder.Done, "page-2", "page.png")));
    }

    [Fact]
    public void Validate_BadLightList_NamesTheKey()
    {
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["S:Path"] = _folder.Path, ["S:ExpectedLights"] = "Visible,Xray" })
            .Build().GetSection("S");

        var error = Assert.Single(new PageFolderFactory().Validate(settings));

        Assert.Equal("S:ExpectedLights", error.Key);
    }

    private static IEnumerable<CaptureData> Drain(ConformanceContext context)
    {
        while (context.Published.Reader.TryRead(out var capture))
        {
            yield return capture;
        }
    }

    private static async Task<DeviceIncident> WaitForIncidentAsync(ConformanceContext context)
    {
        await WaitUntilAsync(() => !context.Incidents.IsEmpty);
        return context.Incidents.First();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Bound);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private async Task<Running> StartAsync(ConformanceContext recorder, Action<PageFolderOptions>? configure = null, IDeviceContext? context = null)
    {
        var options = new PageFolderOptions
        {
            Path = _folder.Path,
            PollInterval = TimeSpan.FromMilliseconds(20),
            StableTime = TimeSpan.FromMilliseconds(100),
            SettleTime = TimeSpan.FromMinutes(5),
        };
        configure?.Invoke(options);
        var driver = new PageFolderReader(options);
        var stop = new CancellationTokenSource();
        var run = driver.RunAsync(context ?? recorder, stop.Token);
        Assert.True(await recorder.WaitForStateAsync(DeviceState.Ready, Bound), "The driver did not report Ready.");
        return new Running(driver, run, stop);
    }

    /// <summary>A started driver; disposing stops it as the gateway does (cancel, wait, dispose).</summary>
    private sealed record Running(PageFolderReader Driver, Task Run, CancellationTokenSource Stop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Run.WaitAsync(Bound));
            await Driver.DisposeAsync();
            Stop.Dispose();
        }
    }
}
