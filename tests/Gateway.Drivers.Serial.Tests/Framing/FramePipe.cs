using System.IO.Pipelines;
using Gateway.Drivers.Serial.Framing;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Drivers.Serial.Tests.Framing;

/// <summary>A frame reader fed through an in-memory pipe, on a fake clock the test moves.</summary>
internal sealed class FramePipe
{
    private readonly Pipe _pipe = new();

    public FramePipe(FrameProfile profile)
    {
        Reader = new FrameReader(_pipe.Reader, profile, Time);
    }

    public FakeTimeProvider Time { get; } = new();

    public FrameReader Reader { get; }

    /// <summary>Reads every event of <paramref name="writes"/> written at once, then the end of the stream.</summary>
    public static async Task<List<FrameEvent>> ReadAllAsync(FrameProfile profile, params byte[][] writes)
    {
        var pipe = new FramePipe(profile);
        foreach (var write in writes)
        {
            await pipe.WriteAsync(write);
        }

        await pipe.CompleteAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await pipe.Reader.ReadAllAsync(timeout.Token).ToListAsync(timeout.Token);
    }

    public async Task WriteAsync(byte[] bytes) => await _pipe.Writer.WriteAsync(bytes);

    public ValueTask CompleteAsync() => _pipe.Writer.CompleteAsync();

    /// <summary>Moves the clock in small steps until the reader returns its next event (a pause the reader must notice).</summary>
    public async Task<FrameEvent?> ReadAfterPauseAsync(TimeSpan step)
    {
        var next = Reader.ReadAsync().AsTask();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!next.IsCompleted && DateTime.UtcNow < deadline)
        {
            Time.Advance(step);
            await Task.WhenAny(next, Task.Delay(5));
        }

        return await next.WaitAsync(TimeSpan.FromSeconds(1));
    }

    /// <summary>Reads the next event, which must already be on its way (no clock movement).</summary>
    public async Task<FrameEvent?> ReadAsync() => await Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
}
