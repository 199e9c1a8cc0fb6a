using Gateway.Drivers.Conformance;
using OpenCvSharp;

namespace Gateway.Drivers.Sane.Tests;

/// <summary>Scans from SANE's test backend through the real libsane.</summary>
public sealed class SaneScannerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Capture_Gray_IsAGreyPngOfTheScannedAreaAtTheResolutionUsed()
    {
        var context = new LoggingContext();
        await using var running = await StartAsync(TestBackend.Options("Gray", 50, ("test-picture", "Grid")), context);

        var capture = await running.Scanner.CaptureAsync(CaptureKind.Document, running.Timeout);

        var document = Assert.IsType<DocumentPayload>(capture.Payload);
        Assert.Empty(document.MrzLines);
        var page = Assert.Single(document.Pages);
        Assert.Equal((ImageFormat.Png, LightSource.Visible, 50), (page.Format, page.Light, page.Ppi));
        // The backend's default area, 80 × 100 mm, at 50 dpi.
        Assert.Equal((Pixels(80, 50), Pixels(100, 50)), (page.Width, page.Height));
        using var decoded = Cv2.ImDecode(page.Data.ToArray(), ImreadModes.Unchanged);
        Assert.Equal((page.Width, page.Height, 1), (decoded.Width, decoded.Height, decoded.Channels()));
        // The grid: black and white squares of 10 mm.
        decoded.MinMaxLoc(out double min, out double max);
        Assert.Equal((0, 255), (min, max));
        Assert.InRange(Cv2.Mean(decoded).Val0, 64, 192);
        Assert.Equal(("Noname", "frontend-tester"), (context.Inner.Identity?.Vendor, context.Inner.Identity?.Model));
        // Progress, in steps, up to 100 %.
        var progress = context.Messages.Where(m => m.EventId == 1702).Select(m => m.Message).ToList();
        Assert.True(progress.Count >= 1, "No progress was logged.");
        Assert.StartsWith("SANE scan 100 %", progress[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Capture_Colour_IsAnRgbPngWithColours()
    {
        await using var running = await StartAsync(TestBackend.Options("Color", 50, ("test-picture", "Color pattern")));

        var capture = await running.Scanner.CaptureAsync(CaptureKind.Image, running.Timeout);

        var page = Assert.Single(Assert.IsType<ImagePayload>(capture.Payload).Images);
        using var decoded = Cv2.ImDecode(page.Data.ToArray(), ImreadModes.Unchanged);
        Assert.Equal((page.Width, page.Height, 3), (decoded.Width, decoded.Height, decoded.Channels()));
        Cv2.Split(decoded, out var planes);
        using var difference = new Mat();
        Cv2.Absdiff(planes[0], planes[2], difference);
        Assert.True(Cv2.CountNonZero(difference) > decoded.Width * decoded.Height / 10, "The colour pattern came out grey.");
        foreach (var plane in planes)
        {
            plane.Dispose();
        }
    }

    [Fact]
    public async Task Capture_ThreePassColourScanner_IsAssembledIntoTheSameRgbImage()
    {
        using var single = await ScanOnceAsync(TestBackend.Options("Color", 50, ("test-picture", "Color pattern")));
        using var threePass = await ScanOnceAsync(TestBackend.Options("Color", 50, ("three-pass", "yes"), ("test-picture", "Color pattern")));

        Assert.Equal((single.Width, single.Height, 3), (threePass.Width, threePass.Height, threePass.Channels()));
        Assert.Equal(0, Cv2.Norm(threePass, single, NormTypes.L1));
    }

    [Fact]
    public async Task Capture_HandScannerWithUnknownHeight_TakesTheLinesThatCame()
    {
        using var page = await ScanOnceAsync(TestBackend.Options("Gray", 50, ("hand-scanner", "yes"), ("test-picture", "Grid")));

        Assert.True(page.Height > 0);
        Assert.Equal(Pixels(110, 50), page.Width); // the backend's fixed 11 cm
    }

    [Fact]
    public async Task Capture_ScanArea_GivesTheImageOfThatArea()
    {
        var options = TestBackend.Options("Gray", 100);
        (options.AreaLeft, options.AreaTop, options.AreaRight, options.AreaBottom) = (10, 20, 60, 45);
        await using var running = await StartAsync(options);

        var capture = await running.Scanner.CaptureAsync(CaptureKind.Image, running.Timeout);

        var page = Assert.Single(Assert.IsType<ImagePayload>(capture.Payload).Images);
        Assert.Equal((Pixels(50, 100), Pixels(25, 100)), (page.Width, page.Height));
    }

    [Fact]
    public async Task Capture_CancelledMidScan_EndsAtOnce_AndTheNextScanIsWhole()
    {
        // Slow transfers: 1 KiB per read, and 200 ms after each 64 KiB the backend passes on (about 1.6 s for the page).
        var context = new LoggingContext();
        await using var running = await StartAsync(
            TestBackend.Options("Gray", 200, ("read-limit", "yes"), ("read-limit-size", "1024"), ("read-delay", "yes"), ("read-delay-duration", "200000")), context);

        using var cancel = new CancellationTokenSource();
        var scan = running.Scanner.CaptureAsync(CaptureKind.Image, cancel.Token);
        await WaitUntilAsync(() => context.Messages.Any(m => m.EventId == 1702));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scan.WaitAsync(Bound));
        Assert.DoesNotContain(context.Messages, m => m.Message.StartsWith("SANE scan 100 %", StringComparison.Ordinal));
        Assert.False(running.Run.IsCompleted);

        var next = await running.Scanner.CaptureAsync(CaptureKind.Image, running.Timeout);
        Assert.Equal(Pixels(100, 200), Assert.Single(Assert.IsType<ImagePayload>(next.Payload).Images).Height);
    }

    [Fact]
    public async Task Capture_FeederRunsEmpty_FailsWithAdfEmpty_AndTheScannerStaysReady()
    {
        var context = new LoggingContext();
        var options = TestBackend.Options("Gray", 10);
        options.Source = "ADF";
        await using var running = await StartAsync(options, context);

        // The test backend's feeder holds 10 sheets.
        for (var sheet = 1; sheet <= 10; sheet++)
        {
            await running.Scanner.CaptureAsync(CaptureKind.Document, running.Timeout);
        }

        var error = await Assert.ThrowsAsync<DeviceException>(() => running.Scanner.CaptureAsync(CaptureKind.Document, running.Timeout));

        Assert.Equal("sane.adf_empty", error.Code);
        Assert.True(error.IsTransient);
        Assert.Equal("sane.adf_empty", Assert.Single(context.Inner.Incidents).Code);
        Assert.False(running.Run.IsCompleted);
    }

    [Theory]
    [InlineData("SANE_STATUS_JAMMED", "sane.jammed", false)]
    [InlineData("SANE_STATUS_COVER_OPEN", "sane.cover_open", false)]
    [InlineData("SANE_STATUS_IO_ERROR", "sane.io_error", true)]
    [InlineData("SANE_STATUS_ACCESS_DENIED", "sane.access_denied", true)]
    public async Task Capture_ReadFails_MapsTheStatus_AndFaultsTheDeviceOnlyForDeviceErrors(string status, string code, bool faults)
    {
        await using var running = await StartAsync(TestBackend.Options("Gray", 10, ("read-return-value", status)));

        var error = await Assert.ThrowsAsync<DeviceException>(() => running.Scanner.CaptureAsync(CaptureKind.Document, running.Timeout));

        Assert.Equal(code, error.Code);
        if (faults)
        {
            Assert.Equal(code, (await Assert.ThrowsAsync<DeviceException>(() => running.Run.WaitAsync(Bound))).Code);
        }
        else
        {
            Assert.False(running.Run.IsCompleted);
        }
    }

    [Theory]
    [InlineData("test:9")]
    [InlineData("nosuchbackend:0")]
    public async Task Run_UnknownDevice_FailsWithDeviceNotFoundListingTheScannersFound(string name)
    {
        var options = TestBackend.Options();
        options.DeviceName = name;
        await using var scanner = new SaneScanner(options);

        var error = await Assert.ThrowsAsync<DeviceException>(() => scanner.RunAsync(new ConformanceContext("scanner-1"), CancellationToken.None).WaitAsync(Bound));

        Assert.Equal("sane.device_not_found", error.Code);
        Assert.Contains("test:0, test:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ModeTheBackendDoesNotKnowOrBadBackendOption_FailsNamingTheOption()
    {
        await using var scanner = new SaneScanner(TestBackend.Options("Gray", 50, ("no-such-option", "1")));

        var error = await Assert.ThrowsAsync<DeviceException>(() => scanner.RunAsync(new ConformanceContext("scanner-1"), CancellationToken.None).WaitAsync(Bound));

        Assert.Equal("sane.option_invalid", error.Code);
        Assert.False(error.IsTransient);
        Assert.Contains("no-such-option", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_WhileTheScannerIsStillOpening_ClosesIt_SoTheNextDriverOpensIt()
    {
        for (var round = 0; round < 5; round++)
        {
            var scanner = new SaneScanner(TestBackend.Options());
            using var stop = new CancellationTokenSource();
            var run = scanner.RunAsync(new ConformanceContext("scanner-1"), stop.Token);
            await stop.CancelAsync(); // the gateway stops before the scanner is open
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Bound));
            await scanner.DisposeAsync();
        }

        // test:0 opens only once at a time: a handle left open by a cancelled start would make this one busy.
        await using var running = await StartAsync(TestBackend.Options());
        Assert.NotNull(await running.Scanner.CaptureAsync(CaptureKind.Image, running.Timeout));
    }

    [Fact]
    public async Task Capture_AThousandScansInARow_AllComplete()
    {
        // The backend stops its reader thread asynchronously when the last bytes are read; caught inside free(), that
        // left the heap locked and the next scan (then the process) hung, about once in a few hundred scans under load.
        await using var running = await StartAsync(TestBackend.Options("Gray", 50));
        for (var scan = 0; scan < 1000; scan++)
        {
            using var timeout = new CancellationTokenSource(Bound);
            var capture = await running.Scanner.CaptureAsync(CaptureKind.Image, timeout.Token);
            Assert.Single(((ImagePayload)capture.Payload).Images);
        }
    }

    /// <summary>Whole pixels in a length of millimetres at a resolution.</summary>
    private static int Pixels(double millimetres, int dpi) => (int)(millimetres / 25.4 * dpi);

    private static async Task<Mat> ScanOnceAsync(SaneScannerOptions options)
    {
        await using var running = await StartAsync(options);
        var capture = await running.Scanner.CaptureAsync(CaptureKind.Image, running.Timeout);
        return Cv2.ImDecode(((ImagePayload)capture.Payload).Images[0].Data.ToArray(), ImreadModes.Unchanged);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Bound);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private static async Task<Running> StartAsync(SaneScannerOptions options, LoggingContext? context = null)
    {
        context ??= new LoggingContext();
        var scanner = new SaneScanner(options);
        var stop = new CancellationTokenSource();
        var run = scanner.RunAsync(context, stop.Token);
        Assert.True(await context.Inner.WaitForStateAsync(DeviceState.Ready, Bound), "The scanner did not report Ready.");
        return new Running(scanner, run, stop, new CancellationTokenSource(Bound));
    }

    /// <summary>A started scanner; disposing stops it as the gateway does (cancel, wait, dispose).</summary>
    private sealed record Running(SaneScanner Scanner, Task Run, CancellationTokenSource Stop, CancellationTokenSource Deadline) : IAsyncDisposable
    {
        public CancellationToken Timeout => Deadline.Token;

        public async ValueTask DisposeAsync()
        {
            await Stop.CancelAsync();
            try
            {
                await Run.WaitAsync(Bound);
            }
            catch (Exception ex) when (ex is OperationCanceledException or DeviceException)
            {
            }

            await Scanner.DisposeAsync();
            Stop.Dispose();
            Deadline.Dispose();
        }
    }
}
