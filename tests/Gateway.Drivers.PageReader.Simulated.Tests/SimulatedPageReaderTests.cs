using Gateway.Drivers.PageReader.Simulated.Specimens;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Drivers.PageReader.Simulated.Tests;

public sealed class SimulatedPageReaderTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Run_OnItsInterval_ReportsPlacedThenPublishesThePagesThenReportsRemoved()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var context = new RecordingContext(time);
        await using var reader = new SimulatedPageReader("page-reader-1", new SimulatedPageReaderOptions { IntervalSeconds = 5, Seed = 11 });
        using var stop = new CancellationTokenSource();
        var run = reader.RunAsync(context, stop.Token);
        await context.Ready.Task.WaitAsync(Bound);

        time.Advance(TimeSpan.FromSeconds(5));
        var capture = await context.Published.Reader.ReadAsync().AsTask().WaitAsync(Bound);

        var document = Assert.IsType<DocumentPayload>(capture.Payload);
        Assert.Empty(document.MrzLines);
        Assert.Equal([LightSource.Visible, LightSource.Infrared, LightSource.Ultraviolet], document.Pages.Select(p => p.Light));
        Assert.All(document.Pages, p => Assert.Equal(300, p.Ppi));
        Assert.All(document.Pages, p => Assert.True(p.Data.Length > 10_000));
        // The document is taken off once imaged; the capture is then handed to the host.
        Assert.Equal(["placed", "removed", "capture"], context.Log);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Bound));
    }

    [Fact]
    public async Task Capture_FormatsInTurn_TheirImagesDecodeAtTheGlassSize()
    {
        var (reader, context, stop, run) = await StartAsync(new SimulatedPageReaderOptions { IntervalSeconds = 0, Seed = 3, Formats = [SimulatedFormat.Td1, SimulatedFormat.Visa] });
        await using (reader)
        {
            var first = (DocumentPayload)(await reader.CaptureAsync(CaptureKind.Document, CancellationToken.None)).Payload;
            var second = (DocumentPayload)(await reader.CaptureAsync(CaptureKind.Document, CancellationToken.None)).Payload;

            var renderer = new SpecimenRenderer();
            var (width, height) = ((int)Math.Round(renderer.GlassWidthMm * 300 / 25.4), (int)Math.Round(renderer.GlassHeightMm * 300 / 25.4));
            Assert.All(first.Pages.Concat(second.Pages), p => Assert.Equal((width, height), (p.Width, p.Height)));
            Assert.NotEqual(first.Pages[0].Data.ToArray(), second.Pages[0].Data.ToArray());
            Assert.Equal(["placed", "removed", "placed", "removed"], context.Log);
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Bound));
        }
    }

    [Fact]
    public async Task Capture_DeviceMrzOn_DeliversTheReadersOwnMrzBesideThePages()
    {
        var (reader, _, stop, run) = await StartAsync(new SimulatedPageReaderOptions { IntervalSeconds = 0, Seed = 5, DeviceMrz = true, Formats = [SimulatedFormat.Td3] });
        await using (reader)
        {
            var document = (DocumentPayload)(await reader.CaptureAsync(CaptureKind.Document, CancellationToken.None)).Payload;

            Assert.Equal(2, document.MrzLines.Count);
            Assert.All(document.MrzLines, l => Assert.Equal(44, l.Length));
            Assert.StartsWith("P<UTO", document.MrzLines[0], StringComparison.Ordinal);
            Assert.Equal(3, document.Pages.Count);
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Bound));
        }
    }

    [Fact]
    public async Task Run_OcrBFontMissing_FaultsWithItsCodeAndDoesNotRetry()
    {
        var context = new RecordingContext(TimeProvider.System);
        await using var reader = new SimulatedPageReader("page-reader-1", new SimulatedPageReaderOptions { FontPath = Path.Combine(Path.GetTempPath(), "no-such-font", "OCRB.otf") });

        var fault = await Assert.ThrowsAsync<DeviceException>(() => reader.RunAsync(context, CancellationToken.None).WaitAsync(Bound));

        Assert.Equal(SimulatedPageReader.FontMissing, fault.Code);
        Assert.False(fault.IsTransient);
        Assert.Contains("fonts-ocr-b", fault.Message, StringComparison.Ordinal);
        Assert.False(context.Ready.Task.IsCompleted);
    }

    private static async Task<(SimulatedPageReader Reader, RecordingContext Context, CancellationTokenSource Stop, Task Run)> StartAsync(SimulatedPageReaderOptions options)
    {
        var context = new RecordingContext(TimeProvider.System);
        var reader = new SimulatedPageReader("page-reader-1", options);
        var stop = new CancellationTokenSource();
        var run = reader.RunAsync(context, stop.Token);
        await context.Ready.Task.WaitAsync(Bound);
        return (reader, context, stop, run);
    }
}
