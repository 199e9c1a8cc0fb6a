using Gateway.Contracts.V1;
using Gateway.Host.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Captures;

/// <summary>
/// Numbers, holds and fans out every capture. Appending and offering to subscribers happen under one lock, so each
/// subscriber sees every capture after its resume point exactly once and in order; offering never waits.
/// </summary>
internal sealed class CaptureHub
{
    private readonly Lock _gate = new();
    private readonly CaptureStore _store;
    private readonly List<CaptureSubscription> _subscriptions = [];
    private readonly int _buffer;
    private readonly ILogger<CaptureHub> _logger;
    private ulong _sequence;

    public CaptureHub(IOptions<GatewayOptions> options, ILogger<CaptureHub> logger)
    {
        var captures = options.Value.Captures;
        _store = new CaptureStore(captures.RetainCount, captures.RetainMegabytes * 1024L * 1024L);
        _buffer = captures.SubscriberBuffer;
        _logger = logger;
    }

    /// <summary>The sequence number of the newest capture, 0 before the first.</summary>
    public ulong LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.Count;
            }
        }
    }

    /// <summary>Gives <paramref name="capture"/> the next sequence number, holds it and offers it to every subscriber.</summary>
    public void Publish(Capture capture)
    {
        int dropped;
        List<CaptureSubscription>? lagging = null;
        lock (_gate)
        {
            capture.Sequence = ++_sequence;
            dropped = _store.Append(capture);
            foreach (var subscription in _subscriptions)
            {
                if (!subscription.Offer(capture))
                {
                    (lagging ??= []).Add(subscription);
                }
            }

            if (lagging is not null)
            {
                _subscriptions.RemoveAll(lagging.Contains);
            }
        }

        Log.CapturePublished(_logger, capture.Id, capture.Sequence, capture.DeviceId, capture.Kind);
        if (dropped > 0)
        {
            Log.CapturesDropped(_logger, dropped);
        }

        if (lagging is not null)
        {
            Log.SubscribersLagging(_logger, lagging.Count, capture.Sequence);
        }
    }

    /// <summary>Subscribes to every held capture after <paramref name="afterSequence"/>, then to live captures.</summary>
    public CaptureSubscription Subscribe(ulong afterSequence, IReadOnlyCollection<string>? deviceIds = null)
    {
        Func<Capture, bool> filter = deviceIds is { Count: > 0 }
            ? capture => deviceIds.Contains(capture.DeviceId, StringComparer.Ordinal)
            : _ => true;
        lock (_gate)
        {
            var subscription = new CaptureSubscription(_store.After(afterSequence), _buffer, filter, afterSequence, Unsubscribe);
            _subscriptions.Add(subscription);
            return subscription;
        }
    }

    /// <summary>Releases acknowledged captures; returns how many were held.</summary>
    public int Acknowledge(IEnumerable<string> captureIds)
    {
        lock (_gate)
        {
            return _store.Release(captureIds);
        }
    }

    private void Unsubscribe(CaptureSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }
}
