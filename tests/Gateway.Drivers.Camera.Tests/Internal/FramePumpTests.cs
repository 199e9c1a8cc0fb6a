using Gateway.Drivers.Camera.Internal;
using Gateway.Imaging;
using Gateway.Imaging.Video;

namespace Gateway.Drivers.Camera.Tests.Internal;

public sealed class FramePumpTests
{
    [Fact]
    public async Task Pump_ConsumerThatDoesNotRead_NeverStallsTheSourceAndKeepsTheNewestFrames()
    {
        var source = new CountingSource(100);
        var grabbedByPreview = 0;
        using var pump = new FramePump(source, capacity: 2, loop: false, TimeSpan.Zero, TimeProvider.System, _ => grabbedByPreview++);

        pump.Start();
        var result = await pump.Ended.WaitAsync(TimeSpan.FromSeconds(30));

        // The source was read to its end while nobody consumed anything.
        Assert.Equal(PumpEnd.Ended, result.End);
        Assert.Equal(100, pump.Grabbed);
        Assert.Equal(100, grabbedByPreview);
        Assert.Equal(98, pump.Dropped);
        var left = new List<long>();
        await foreach (var frame in pump.Frames.ReadAllAsync())
        {
            left.Add(frame.Number);
        }

        Assert.Equal([99, 100], left);
    }

    [Fact]
    public async Task Pump_SlowConsumer_GetsIncreasingFramesWhileTheSourceRunsAhead()
    {
        var source = new CountingSource(200);
        using var pump = new FramePump(source, capacity: 1, loop: false, TimeSpan.Zero, TimeProvider.System, _ => { });
        pump.Start();

        var seen = new List<long>();
        await foreach (var frame in pump.Frames.ReadAllAsync())
        {
            seen.Add(frame.Number);
            // A consumer slower than the source: wait until the source is 10 frames further.
            var target = Math.Min(200, frame.Number + 10);
            while (pump.Grabbed < target && !pump.Ended.IsCompleted)
            {
                await Task.Delay(1);
            }
        }

        Assert.Equal(200, pump.Grabbed);
        Assert.True(seen.Count < 200, $"the consumer saw {seen.Count} frames");
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(200, seen[^1]);
    }

    [Fact]
    public async Task Pump_LiveSourceStopsDelivering_EndsAsLost()
    {
        using var pump = new FramePump(new CountingSource(3, ends: false), 4, loop: false, TimeSpan.Zero, TimeProvider.System, _ => { });
        pump.Start();

        var result = await pump.Ended.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(PumpEnd.Lost, result.End);
        Assert.Contains("stopped delivering", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pump_SourceThrows_EndsAsLostWithTheReason()
    {
        using var pump = new FramePump(new CountingSource(2, throwAtEnd: true), 4, loop: false, TimeSpan.Zero, TimeProvider.System, _ => { });
        pump.Start();

        var result = await pump.Ended.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((PumpEnd.Lost, "USB device gone"), (result.End, result.Reason));
    }

    [Fact]
    public async Task Pump_Looping_RewindsAtTheEnd()
    {
        var source = new CountingSource(3);
        using var pump = new FramePump(source, 1, loop: true, TimeSpan.Zero, TimeProvider.System, _ => { });
        pump.Start();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (pump.Grabbed < 10)
        {
            await pump.Frames.ReadAsync(timeout.Token);
        }

        Assert.True(source.Rewinds >= 3);
        Assert.False(pump.Ended.IsCompleted);
    }

    [Fact]
    public async Task Pump_Dispose_StopsTheThread()
    {
        var pump = new FramePump(new CountingSource(int.MaxValue), 1, loop: false, TimeSpan.Zero, TimeProvider.System, _ => { });
        pump.Start();

        pump.Dispose();

        Assert.Equal(PumpEnd.Stopped, (await pump.Ended.WaitAsync(TimeSpan.FromSeconds(30))).End);
    }

    /// <summary>A source of tiny frames that ends (or is lost, or throws) after <c>count</c> frames.</summary>
    private sealed class CountingSource(int count, bool ends = true, bool throwAtEnd = false) : IFrameSource
    {
        private static readonly Frame Pixel = Frame.FromPixels(2, 2, PixelFormat.Bgr24, new byte[12]);
        private int _read;

        public int Rewinds { get; private set; }

        public VideoSourceKind Kind => ends ? VideoSourceKind.File : VideoSourceKind.CameraIndex;

        public VideoFormat Format => new(2, 2, 25, "MJPG", "TEST");

        public bool Ends => ends;

        public Frame? Read()
        {
            if (_read >= count)
            {
                return throwAtEnd ? throw new InvalidOperationException("USB device gone") : null;
            }

            _read++;
            return Pixel;
        }

        public bool Rewind()
        {
            Rewinds++;
            _read = 0;
            return true;
        }

        public void Dispose()
        {
        }
    }
}
