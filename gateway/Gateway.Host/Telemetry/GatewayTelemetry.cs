using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Gateway.Contracts.V1;
using Grpc.Core;
using Capture = Gateway.Contracts.V1.Capture;

namespace Gateway.Host.Telemetry;

/// <summary>
/// The gateway's meter and activity source, both named <c>Gateway</c>, and the instruments the capture path records
/// into. Labels and attributes carry only codes the gateway or configuration chose (device ids, driver names, capture
/// kinds, check names, state names), never a value read from a document, a face or a finger.
/// </summary>
internal sealed partial class GatewayTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "Gateway";

    /// <summary>Distinct check names kept as labels; a driver inventing more gets <c>other</c>, so the series stay few.</summary>
    private const int MaxCheckNames = 256;

    private static readonly double[] SecondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>The activity source of capture traces (and of nothing else).</summary>
    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> _captures;
    private readonly Counter<long> _checkFailures;
    private readonly Histogram<double> _captureDuration;
    private readonly Histogram<double> _verificationDuration;
    private readonly Counter<long> _journalFailures;
    private readonly Counter<long> _sessionsStarted;
    private readonly Counter<long> _sessionsCompleted;
    private readonly UpDownCounter<long> _streamClients;
    private readonly Counter<long> _calls;
    private readonly ConcurrentDictionary<string, string> _checkNames = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<Capture, StrongBox<ActivityContext>> _traces = [];

    public GatewayTelemetry(IMeterFactory meters)
    {
        Meter = meters.Create(Name);
        _captures = Meter.CreateCounter<long>(
            "gateway.captures", "{capture}", "Captures published, by kind, outcome (verified, not_verified, rejected) and device.");
        _checkFailures = Meter.CreateCounter<long>(
            "gateway.capture.check_failures", "{check}", "Failed verification checks, by check name and capture kind.");
        _captureDuration = Meter.CreateHistogram(
            "gateway.capture.duration", "s", "From the driver reporting a capture to its publication (verified and journaled).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _verificationDuration = Meter.CreateHistogram(
            "gateway.capture.verification.duration", "s", "Time spent verifying a capture (every verifier).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _journalFailures = Meter.CreateCounter<long>(
            "gateway.journal.write_failures", "{capture}", "Captures delivered live but not written to the journal (disk full, I/O error).");
        _sessionsStarted = Meter.CreateCounter<long>("gateway.sessions.started", "{session}", "Booth sessions opened.");
        _sessionsCompleted = Meter.CreateCounter<long>(
            "gateway.sessions.completed", "{session}", "Booth sessions completed with a traveller record, by whether the record is verified.");
        _streamClients = Meter.CreateUpDownCounter<long>("gateway.capture.stream_clients", "{client}", "Clients watching the capture stream now.");
        _calls = Meter.CreateCounter<long>("gateway.grpc.calls", "{call}", "gRPC calls ended, by method and the status the client got.");
    }

    /// <summary>The <c>Gateway</c> meter, for the observed instruments (<see cref="GatewayObservations"/>).</summary>
    public Meter Meter { get; }

    /// <summary>
    /// Starts the trace of a capture a driver just reported (null when nobody listens); dispose the result after
    /// publishing it. The activity is a child of the current one when there is one (a TriggerCapture call).
    /// </summary>
    public CaptureTrace? StartCapture(string deviceId, string driver) =>
        _captureDuration.Enabled || Source.HasListeners()
            ? new(this, Source.StartActivity("capture"), deviceId, driver, Stopwatch.GetTimestamp())
            : null;

    /// <summary>Starts the verification step of the current capture trace.</summary>
    public static Activity? StartVerification() => Source.StartActivity("capture.verify");

    /// <summary>Records how long verifying a capture of <paramref name="kind"/> took.</summary>
    public void Verified(CaptureKind kind, long startTimestamp)
    {
        if (_verificationDuration.Enabled)
        {
            _verificationDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, new KeyValuePair<string, object?>("kind", KindName(kind)));
        }
    }

    /// <summary>Starts the journal write of the current capture trace.</summary>
    public static Activity? StartJournalWrite() => Source.StartActivity("capture.journal");

    /// <summary>
    /// Counts a published capture (any source: drivers, injected captures, session records) with its outcome and failed
    /// checks.
    /// </summary>
    public void Published(Capture capture, bool journaled)
    {
        var kind = KindName(capture.Kind);
        if (_captures.Enabled)
        {
            var tags = new TagList { { "kind", kind }, { "outcome", Outcome(capture) } };
            if (capture.Kind != CaptureKind.Record)
            {
                // A record's device id is the booth id its client chose: not a label.
                tags.Add("device", capture.DeviceId);
            }

            _captures.Add(1, tags);
        }

        if (_checkFailures.Enabled)
        {
            foreach (var check in capture.Checks)
            {
                if (check.Outcome == CheckOutcome.Failed)
                {
                    _checkFailures.Add(1, new("check", CodeLabel(check.Name)), new("kind", kind));
                }
            }
        }

        if (!journaled)
        {
            _journalFailures.Add(1);
        }
    }

    /// <summary>
    /// Remembers the trace <paramref name="capture"/> is published in (the current capture activity), so the stream that
    /// delivers it can join it; called before any subscriber can see the capture.
    /// </summary>
    public void Follow(Capture capture)
    {
        if (Activity.Current is { } current && current.Source == Source)
        {
            _traces.AddOrUpdate(capture, new StrongBox<ActivityContext>(current.Context));
        }
    }

    /// <summary>
    /// Starts the delivery of <paramref name="capture"/> to a stream client: a child of the capture's trace (when the
    /// capture was published live in this process) linked to the streaming call, which is the current activity.
    /// </summary>
    public Activity? StartDelivery(Capture capture)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var call = Activity.Current;
        ActivityContext parent = _traces.TryGetValue(capture, out var trace) ? trace.Value : call?.Context ?? default;
        ActivityLink[]? links = call is not null && parent != call.Context ? [new ActivityLink(call.Context)] : null;
        var activity = Source.StartActivity("capture.deliver", ActivityKind.Producer, parent, links: links);
        activity?.SetTag("gateway.capture.sequence", (long)capture.Sequence);
        activity?.SetTag("gateway.capture.kind", KindName(capture.Kind));
        return activity;
    }

    /// <summary>A client started watching the capture stream.</summary>
    public void WatchStarted() => _streamClients.Add(1);

    /// <summary>A client stopped watching the capture stream.</summary>
    public void WatchEnded() => _streamClients.Add(-1);

    /// <summary>Counts a gRPC call that ended with <paramref name="status"/>; <paramref name="method"/> is its path, e.g. <c>/gateway.v1.CaptureService/Acknowledge</c>.</summary>
    public void CallEnded(string method, StatusCode status)
    {
        if (_calls.Enabled)
        {
            _calls.Add(1, new("method", method), new("status", StatusName(status)));
        }
    }

    /// <summary>Counts a booth session opened.</summary>
    public void SessionStarted() => _sessionsStarted.Add(1);

    /// <summary>Counts a booth session completed with its record.</summary>
    public void SessionCompleted(bool verified) => _sessionsCompleted.Add(1, new KeyValuePair<string, object?>("verified", verified));

    /// <summary>
    /// The outcome label: <c>verified</c> (checks ran, none failed), <c>rejected</c> (a check failed) or
    /// <c>not_verified</c> (nothing could verify it).
    /// </summary>
    public static string Outcome(Capture capture) =>
        capture.Verified ? "verified" : capture.Checks.Any(c => c.Outcome == CheckOutcome.Failed) ? "rejected" : "not_verified";

    /// <summary>A gRPC status as a label: its name in the protocol, e.g. <c>NOT_FOUND</c>.</summary>
    public static string StatusName(StatusCode status) => status switch
    {
        StatusCode.OK => "OK",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.Unauthenticated => "UNAUTHENTICATED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.Cancelled => "CANCELLED",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.Unavailable => "UNAVAILABLE",
        StatusCode.Unknown => "UNKNOWN",
        StatusCode.Internal => "INTERNAL",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.Aborted => "ABORTED",
        StatusCode.OutOfRange => "OUT_OF_RANGE",
        StatusCode.Unimplemented => "UNIMPLEMENTED",
        StatusCode.DataLoss => "DATA_LOSS",
        _ => ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The kind as a label: the contract's name in lower case, e.g. <c>document</c>.</summary>
    public static string KindName(CaptureKind kind) => kind switch
    {
        CaptureKind.Document => "document",
        CaptureKind.Barcode => "barcode",
        CaptureKind.Image => "image",
        CaptureKind.Portrait => "portrait",
        CaptureKind.Fingerprint => "fingerprint",
        CaptureKind.Record => "record",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// A check name as a label: check names are codes (<c>mrz.check_digit.date_of_birth</c>); anything else a driver
    /// might send (spaces, punctuation, long digit runs that could be a document number) is counted as <c>other</c>.
    /// </summary>
    public string CodeLabel(string name)
    {
        if (_checkNames.TryGetValue(name, out var label))
        {
            return label;
        }

        if (_checkNames.Count >= MaxCheckNames)
        {
            return "other";
        }

        return _checkNames.GetOrAdd(name, CheckCode().IsMatch(name) && !DigitRun().IsMatch(name) ? name : "other");
    }

    internal void CaptureDone(CaptureTrace trace, Capture? capture)
    {
        if (capture is null)
        {
            return;
        }

        if (_captureDuration.Enabled)
        {
            _captureDuration.Record(
                Stopwatch.GetElapsedTime(trace.StartTimestamp).TotalSeconds,
                new("kind", KindName(capture.Kind)),
                new("device", trace.DeviceId));
        }

        if (trace.Activity is { } activity)
        {
            activity.SetTag("gateway.capture.id", capture.Id);
            activity.SetTag("gateway.capture.sequence", (long)capture.Sequence);
            activity.SetTag("gateway.capture.kind", KindName(capture.Kind));
            activity.SetTag("gateway.capture.outcome", Outcome(capture));
            var failed = capture.Checks.Where(c => c.Outcome == CheckOutcome.Failed).Select(c => CodeLabel(c.Name)).ToArray();
            if (failed.Length > 0)
            {
                activity.SetTag("gateway.capture.failed_checks", failed);
            }
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]{0,79}$")]
    private static partial Regex CheckCode();

    [GeneratedRegex("[0-9]{4,}")]
    private static partial Regex DigitRun();
}

/// <summary>One capture's trace and timing, from the driver's report to its publication.</summary>
internal sealed class CaptureTrace(GatewayTelemetry telemetry, Activity? activity, string deviceId, string driver, long startTimestamp) : IDisposable
{
    private Capture? _capture;

    public Activity? Activity { get; } = activity?.SetTag("gateway.device.id", deviceId).SetTag("gateway.driver", driver);

    public string DeviceId => deviceId;

    public long StartTimestamp => startTimestamp;

    /// <summary>The capture was published: its latency counts, and the trace is tagged with its id and outcome.</summary>
    public void Published(Capture capture) => _capture = capture;

    public void Dispose()
    {
        telemetry.CaptureDone(this, _capture);
        Activity?.Dispose();
    }
}
