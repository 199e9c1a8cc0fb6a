using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Gateway.Contracts.V1;

namespace Gateway.Host.Captures;

/// <summary>
/// One client's view of the capture stream: the journal's backlog (read lazily), then live captures from a bounded buffer. When the
/// buffer is full the hub ends the subscription with <see cref="SubscriberLaggingException"/> rather than wait,
/// so a slow client never holds up a device or the other clients; the client resumes from its last sequence.
/// </summary>
internal sealed class CaptureSubscription : IDisposable
{
    private readonly Channel<Capture> _live;
    private readonly IEnumerable<Capture> _backlog;
    private readonly Func<Capture, bool> _filter;
    private readonly Action<CaptureSubscription> _unsubscribe;
    private ulong _lastDelivered;
    private bool _lagging;

    internal CaptureSubscription(
        IEnumerable<Capture> backlog, int buffer, Func<Capture, bool> filter, ulong afterSequence, Action<CaptureSubscription> unsubscribe)
    {
        _backlog = backlog;
        _filter = filter;
        _unsubscribe = unsubscribe;
        _lastDelivered = afterSequence;
        _live = Channel.CreateBounded<Capture>(new BoundedChannelOptions(buffer)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Called by the hub under its lock; false ends this subscription as lagging.</summary>
    internal bool Offer(Capture capture)
    {
        if (!_filter(capture) || _live.Writer.TryWrite(capture))
        {
            return true;
        }

        Volatile.Write(ref _lagging, true);
        _live.Writer.TryComplete();
        return false;
    }

    /// <summary>The backlog, then live captures, each once and in sequence order.</summary>
    /// <exception cref="SubscriberLaggingException">After the last buffered capture, when the subscriber fell behind.</exception>
    public async IAsyncEnumerable<Capture> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var capture in _backlog)
        {
            if (_filter(capture))
            {
                Volatile.Write(ref _lastDelivered, capture.Sequence);
                yield return capture;
            }
        }

        await foreach (var capture in _live.Reader.ReadAllAsync(cancellationToken))
        {
            Volatile.Write(ref _lastDelivered, capture.Sequence);
            yield return capture;
        }

        if (Volatile.Read(ref _lagging))
        {
            throw new SubscriberLaggingException(_lastDelivered);
        }
    }

    public void Dispose()
    {
        _live.Writer.TryComplete();
        _unsubscribe(this);
    }
}

/// <summary>A subscriber fell behind by more than its buffer; it should resume after <see cref="LastDelivered"/>.</summary>
internal sealed class SubscriberLaggingException(ulong lastDelivered)
    : Exception($"Subscriber fell behind; resume after sequence {lastDelivered}.")
{
    public ulong LastDelivered { get; } = lastDelivered;
}
