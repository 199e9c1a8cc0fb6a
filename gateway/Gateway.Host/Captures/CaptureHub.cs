using Gateway.Contracts.V1;
using Gateway.Host.Configuration;
using Gateway.Host.Devices;
using Gateway.Host.Journal;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Captures;

/// <summary>
/// Numbers, journals and fans out every capture. Numbering, the journal's commit and offering to subscribers happen
/// under one lock, so a capture is durable before any client sees it and each subscriber sees every capture after its
/// resume point once and in order; offering never waits. The sequence continues from the journal after a restart.
/// </summary>
internal sealed class CaptureHub : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CaptureJournal _journal;
    private readonly List<CaptureSubscription> _subscriptions = [];
    private readonly int _buffer;
    private readonly ILogger<CaptureHub> _logger;
    private readonly DeviceEventHub? _events;
    private readonly Texts? _texts;
    private readonly TimeProvider _time;
    private readonly ITimer _purge;
    private readonly Telemetry.GatewayTelemetry? _telemetry;
    private ulong _sequence;

    public CaptureHub(
        CaptureJournal journal,
        IOptions<GatewayOptions> options,
        TimeProvider time,
        ILogger<CaptureHub> logger,
        DeviceEventHub? events = null,
        Texts? texts = null,
        Telemetry.GatewayTelemetry? telemetry = null)
    {
        _telemetry = telemetry;
        _journal = journal;
        _sequence = journal.LastSequence;
        _buffer = options.Value.Captures.SubscriberBuffer;
        _logger = logger;
        _events = events;
        _texts = texts;
        _time = time;
        // The age limit holds while no capture comes too.
        _purge = time.CreateTimer(_ => PurgeExpired(), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    /// <summary>The sequence number of the newest capture, 0 before the first ever.</summary>
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

    /// <summary>
    /// Gives <paramref name="capture"/> the next sequence number, commits it to the journal and offers it to every
    /// subscriber. When the journal cannot be written (disk full) the capture is still delivered live, and an error
    /// incident says it is not durable.
    /// </summary>
    public void Publish(Capture capture)
    {
        int purged;
        bool journaled;
        List<CaptureSubscription>? lagging = null;
        _telemetry?.Follow(capture);
        lock (_gate)
        {
            capture.Sequence = ++_sequence;
            using (Telemetry.GatewayTelemetry.StartJournalWrite())
            {
                journaled = _journal.Append(capture, out purged);
            }

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
        _telemetry?.Published(capture, journaled);
        if (purged > 0)
        {
            Log.CapturesDropped(_logger, purged);
        }

        if (!journaled)
        {
            Incident(capture.DeviceId, "journal.write_failed", capture.Id);
        }

        if (lagging is not null)
        {
            Log.SubscribersLagging(_logger, lagging.Count, capture.Sequence);
        }
    }

    /// <summary>Subscribes to every held capture after <paramref name="afterSequence"/> (read from the journal as the client goes), then to live captures.</summary>
    public CaptureSubscription Subscribe(ulong afterSequence, IReadOnlyCollection<string>? deviceIds = null)
    {
        Func<Capture, bool> filter = deviceIds is { Count: > 0 }
            ? capture => deviceIds.Contains(capture.DeviceId, StringComparer.Ordinal)
            : _ => true;
        lock (_gate)
        {
            var backlog = afterSequence < _sequence ? _journal.Read(afterSequence, _sequence) : [];
            var subscription = new CaptureSubscription(backlog, _buffer, filter, afterSequence, Unsubscribe);
            _subscriptions.Add(subscription);
            return subscription;
        }
    }

    /// <summary>Records that <paramref name="consumer"/> processed these captures; returns how many were held and are released.</summary>
    public int Acknowledge(IEnumerable<string> captureIds, string consumer)
    {
        lock (_gate)
        {
            return _journal.Acknowledge(captureIds, consumer);
        }
    }

    /// <summary>The held capture with this id, or null.</summary>
    public Capture? Find(string captureId) => _journal.Find(captureId);

    public void Dispose() => _purge.Dispose();

    private void PurgeExpired()
    {
        lock (_gate)
        {
            _journal.PurgeExpired();
        }
    }

    private void Incident(string deviceId, string code, string detail)
    {
        _events?.Publish(new DeviceEvent
        {
            DeviceId = deviceId,
            Time = Timestamp.FromDateTimeOffset(_time.GetUtcNow()),
            Incident = new DeviceIncident
            {
                Code = code,
                Message = _texts?.Incident(code) ?? code,
                Detail = detail,
                Severity = IncidentSeverity.Error,
            },
        });
    }

    private void Unsubscribe(CaptureSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }
}
