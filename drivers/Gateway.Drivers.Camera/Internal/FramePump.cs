using System.Threading.Channels;

namespace Gateway.Drivers.Camera.Internal;

/// <summary>
/// Grabs frames on a thread of its own into a bounded channel that drops the oldest frame when full: a slow consumer
/// (face analysis, barcode decoding) gets the newest frames and never stalls the camera. Every grabbed frame also goes
/// to <c>onGrabbed</c> (the preview fan-out) before the channel, which must not block.
/// </summary>
internal sealed class FramePump : IDisposable
{
    private readonly IFrameSource _source;
    private readonly TimeProvider _time;
    private readonly Action<TimedFrame> _onGrabbed;
    private readonly bool _loop;
    private readonly TimeSpan _interval;
    private readonly Channel<TimedFrame> _frames;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<PumpResult> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;
    private long _grabbed;
    private long _dropped;

    /// <param name="source">The source; the pump reads it from its thread only.</param>
    /// <param name="capacity">Frames buffered for the consumer.</param>
    /// <param name="loop">Rewind a file at its end instead of ending.</param>
    /// <param name="interval">For sources that end: the time between frames to play them in real time; zero = as fast as they decode.</param>
    /// <param name="time">The clock (grab times, real-time pacing).</param>
    /// <param name="onGrabbed">Called on the pump thread for every frame; must not block.</param>
    public FramePump(IFrameSource source, int capacity, bool loop, TimeSpan interval, TimeProvider time, Action<TimedFrame> onGrabbed)
    {
        _source = source;
        _time = time;
        _onGrabbed = onGrabbed;
        _loop = loop;
        _interval = interval;
        _frames = Channel.CreateBounded<TimedFrame>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
        _thread = new Thread(Run) { IsBackground = true, Name = "camera frame pump" };
    }

    /// <summary>The grabbed frames, newest kept; completes when the pump stops.</summary>
    public ChannelReader<TimedFrame> Frames => _frames.Reader;

    /// <summary>Completes with the reason when the pump thread has ended.</summary>
    public Task<PumpResult> Ended => _ended.Task;

    /// <summary>Frames grabbed so far.</summary>
    public long Grabbed => Interlocked.Read(ref _grabbed);

    /// <summary>Frames dropped because the consumer was behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Start() => _thread.Start();

    /// <summary>Stops grabbing and waits (briefly) for the thread; a source blocked in a read is left to end on its own.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        if (_thread.IsAlive && Thread.CurrentThread != _thread)
        {
            _thread.Join(TimeSpan.FromSeconds(5));
        }

        _stop.Dispose();
    }

    private void Run()
    {
        var result = new PumpResult(PumpEnd.Stopped, string.Empty);
        var token = _stop.Token;
        try
        {
            var due = _time.GetTimestamp();
            var sinceRewind = 0;
            while (!token.IsCancellationRequested)
            {
                var frame = _source.Read();
                if (frame is null)
                {
                    if (token.IsCancellationRequested)
                    {
                        break;
                    }

                    if (_source.Ends && _loop && sinceRewind > 0 && _source.Rewind())
                    {
                        sinceRewind = 0;
                        continue;
                    }

                    result = _source.Ends
                        ? new PumpResult(PumpEnd.Ended, "The video has played out.")
                        : new PumpResult(PumpEnd.Lost, "The camera stopped delivering frames (unplugged, or the stream ended).");
                    break;
                }

                sinceRewind++;
                var timed = new TimedFrame(frame, Interlocked.Increment(ref _grabbed), _time.GetUtcNow());
                _onGrabbed(timed);
                _frames.Writer.TryWrite(timed);
                if (_interval > TimeSpan.Zero)
                {
                    due += (long)(_interval.TotalSeconds * _time.TimestampFrequency);
                    var wait = TimeSpan.FromSeconds((due - _time.GetTimestamp()) / (double)_time.TimestampFrequency);
                    if (wait > TimeSpan.Zero)
                    {
                        try
                        {
                            Task.Delay(wait, _time, token).GetAwaiter().GetResult();
                        }
                        catch (OperationCanceledException)
                        {
                            break;
                        }
                    }
                    else
                    {
                        // Behind (a slow decode): start counting again from now instead of rushing to catch up.
                        due = _time.GetTimestamp();
                    }
                }
            }
        }
        catch (Exception ex)
        {
            result = new PumpResult(PumpEnd.Lost, ex.Message);
        }
        finally
        {
            _frames.Writer.TryComplete();
            _ended.TrySetResult(result);
        }
    }
}
