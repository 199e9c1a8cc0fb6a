using BenchmarkDotNet.Attributes;
using Gateway.Drivers;
using Gateway.Drivers.PageFolder.Internal;
using Gateway.Drivers.Sane;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace Gateway.Benchmarks;

/// <summary>
/// What the page scanner drivers add per page set, before the page pipeline: the hot folder's completeness check of a
/// three-light TD3 page set at 300 dpi (PNG structure and every chunk CRC, 1476 × 1039 px each), and a SANE colour scan
/// of a TD3 page area (125 × 88 mm) at 300 dpi from SANE's <c>test</c> backend through the real libsane, assembled and
/// encoded as PNG. The pages are generated once; the SANE configuration folder is made in the setup.
/// </summary>
[MemoryDiagnoser]
public class PageScannerBenchmark
{
    private byte[][] _pageSet = [];
    private SaneScanner? _scanner;
    private CancellationTokenSource? _stop;
    private string _saneConfig = string.Empty;

    [GlobalSetup]
    public async Task Setup()
    {
        var random = new Random(9303);
        _pageSet = [.. Enumerable.Range(0, 3).Select(_ => Page(random))];

        _saneConfig = Directory.CreateTempSubdirectory("sane-bench-").FullName;
        await File.WriteAllTextAsync(Path.Combine(_saneConfig, "dll.conf"), "test\n");
        _scanner = new SaneScanner(new SaneScannerOptions
        {
            DeviceName = "test:0",
            ConfigDirectory = _saneConfig,
            Resolution = 300,
            Mode = "Color",
            AreaLeft = 0,
            AreaTop = 0,
            AreaRight = 125,
            AreaBottom = 88,
            BackendOptions = new() { ["test-picture"] = "Color pattern" },
        });
        _stop = new CancellationTokenSource();
        var context = new BenchContext();
        _ = _scanner.RunAsync(context, _stop.Token);
        await context.Ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _stop?.Cancel();
        if (_scanner is not null)
        {
            await _scanner.DisposeAsync();
        }

        Directory.Delete(_saneConfig, recursive: true);
    }

    /// <summary>The hot folder's check that a three-light set is whole.</summary>
    [Benchmark]
    public int HotFolderCompletenessCheck()
    {
        var width = 0;
        foreach (var page in _pageSet)
        {
            width += ImageInspector.Inspect(page).Width;
        }

        return width;
    }

    /// <summary>One SANE scan of a TD3 page area in colour at 300 dpi, to a PNG page.</summary>
    [Benchmark]
    public async Task<int> SaneColourScanTd3At300Dpi()
    {
        var capture = await _scanner!.CaptureAsync(CaptureKind.Document, CancellationToken.None);
        return ((DocumentPayload)capture.Payload).Pages[0].Data.Length;
    }

    /// <summary>A grey page with dark text-like bars and sensor noise, as a scanner would save it.</summary>
    private static byte[] Page(Random random)
    {
        using var page = new Mat(1039, 1476, MatType.CV_8UC3, Scalar.All(225));
        for (var i = 0; i < 300; i++)
        {
            Cv2.Rectangle(page, new Rect(random.Next(1400), random.Next(1000), random.Next(4, 60), random.Next(8, 30)), Scalar.All(random.Next(90)), -1);
        }

        using var noise = new Mat(page.Size(), page.Type());
        Cv2.Randn(noise, Scalar.All(0), Scalar.All(6));
        Cv2.Add(page, noise, page);
        return page.ToBytes(".png");
    }

    private sealed class BenchContext : IDeviceContext
    {
        public TaskCompletionSource Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string DeviceId => "scanner-bench";

        public TimeProvider TimeProvider => TimeProvider.System;

        public ILogger Logger => NullLogger.Instance;

        public void ReportState(DeviceState state)
        {
            if (state == DeviceState.Ready)
            {
                Ready.TrySetResult();
            }
        }

        public void ReportIdentity(DeviceIdentity identity)
        {
        }

        public void ReportIncident(DeviceIncident incident)
        {
        }

        public ValueTask PublishAsync(CaptureData capture, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
