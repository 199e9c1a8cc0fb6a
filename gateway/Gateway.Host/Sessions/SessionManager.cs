using System.Collections.Concurrent;
using Gateway.Contracts.V1;
using Gateway.Host.Captures;
using Gateway.Host.Configuration;
using Gateway.Host.Devices;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Sessions;

/// <summary>Opens, resumes and ends booth sessions; holds the device claims and publishes the records.</summary>
internal sealed class SessionManager(
    ClaimRegistry claims,
    DeviceRegistry devices,
    CaptureHub hub,
    IOptions<GatewayOptions> options,
    Texts texts,
    TimeProvider time,
    ILogger<SessionManager> logger,
    Telemetry.GatewayTelemetry? telemetry = null)
{
    private readonly ConcurrentDictionary<string, BoothSession> _sessions = new(StringComparer.OrdinalIgnoreCase);

    public Texts Texts => texts;

    public TimeProvider Time => time;

    public ClaimRegistry Claims => claims;

    public RecordStore Records { get; } = new(options.Value.Sessions.RetainRecords);

    public TimeSpan ReconnectGrace => options.Value.Sessions.ReconnectGrace;

    /// <summary>Opens a session claiming its devices.</summary>
    /// <exception cref="DeviceNotFoundException">A device id is unknown.</exception>
    /// <exception cref="DevicePreconditionException">A device is claimed by another booth.</exception>
    public BoothSession Open(StartSession start)
    {
        var ids = start.DeviceIds.Count > 0
            ? start.DeviceIds.Select(id => devices.Get(id).DeviceId).ToArray()
            : devices.Devices.Select(d => d.DeviceId).ToArray();
        var steps = start.Steps.Where(s => s is not (SessionStep.Unspecified or SessionStep.Review)).Distinct().ToArray();
        if (steps.Length == 0)
        {
            steps = DefaultSteps();
        }

        var boothId = string.IsNullOrWhiteSpace(start.BoothId) ? "booth" : start.BoothId.Trim();
        var session = new BoothSession(this, boothId, ids, steps, time.GetUtcNow());
        if (claims.TryClaim(ids, session.Id, boothId) is { } conflict)
        {
            throw new DevicePreconditionException(texts.Format("SessionDeviceClaimed", conflict.DeviceId, conflict.BoothId));
        }

        _sessions[session.Id] = session;
        session.Start(hub);
        Log.SessionOpened(logger, session.Id, boothId, ids.Length);
        telemetry?.SessionStarted();
        return session;
    }

    /// <summary>The session to resume, or null when it ended or expired.</summary>
    public BoothSession? Find(string id) => _sessions.TryGetValue(id, out var session) && !session.Ended ? session : null;

    public void Publish(TravellerRecord record)
    {
        Records.Add(record);
        hub.Publish(new Capture
        {
            Id = record.Id,
            DeviceId = record.BoothId,
            Kind = CaptureKind.Record,
            CapturedAt = record.CompletedAt ?? Timestamp.FromDateTimeOffset(time.GetUtcNow()),
            Record = record,
            Verified = record.Verified,
        });
        Log.RecordPublished(logger, record.Id, record.SessionId, record.Verified);
        telemetry?.SessionCompleted(record.Verified);
    }

    public void Ended(BoothSession session)
    {
        _sessions.TryRemove(session.Id, out _);
        claims.Release(session.Id);
        Log.SessionEnded(logger, session.Id);
    }

    private SessionStep[] DefaultSteps()
    {
        var configured = options.Value.Sessions.Steps
            .Select(s => System.Enum.TryParse<SessionStep>(s, ignoreCase: true, out var step) ? step : SessionStep.Unspecified)
            .Where(s => s is not (SessionStep.Unspecified or SessionStep.Review))
            .ToArray();
        return configured.Length > 0 ? configured : [SessionStep.Document, SessionStep.Portrait, SessionStep.Fingerprints];
    }
}
