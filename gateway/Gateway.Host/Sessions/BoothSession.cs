using System.Threading.Channels;
using Gateway.Contracts.V1;
using Gateway.Host.Captures;
using Gateway.Host.Devices;
using Google.Protobuf.WellKnownTypes;

namespace Gateway.Host.Sessions;

/// <summary>
/// One traveller's session: the captures of its claimed devices attached to steps as they arrive, the current step and
/// its prompt, and at the end the traveller record. Events go to a buffer that outlives a client's disconnection, so a
/// client that reconnects within the grace period misses nothing.
/// </summary>
internal sealed class BoothSession
{
    private readonly Lock _gate = new();
    private readonly List<Capture> _captures = [];
    private readonly Channel<SessionEvent> _events = Channel.CreateUnbounded<SessionEvent>();
    private readonly CancellationTokenSource _life = new();
    private readonly SessionManager _manager;
    private CancellationTokenSource? _grace;
    private SessionStep _current = SessionStep.Unspecified;
    private CancellationTokenSource? _client;

    public BoothSession(SessionManager manager, string boothId, IReadOnlyList<string> deviceIds, IReadOnlyList<SessionStep> steps, DateTimeOffset startedAt)
    {
        _manager = manager;
        Id = Guid.CreateVersion7(startedAt).ToString();
        BoothId = boothId;
        DeviceIds = deviceIds;
        Steps = steps;
        StartedAt = startedAt;
    }

    public string Id { get; }

    public string BoothId { get; }

    public IReadOnlyList<string> DeviceIds { get; }

    public IReadOnlyList<SessionStep> Steps { get; }

    public DateTimeOffset StartedAt { get; }

    public bool Ended { get; private set; }

    public ChannelReader<SessionEvent> Events => _events.Reader;

    /// <summary>Starts following the claimed devices' captures (only those made from now on).</summary>
    public void Start(CaptureHub hub)
    {
        var subscription = hub.Subscribe(hub.LastSequence, DeviceIds);
        _ = Task.Run(async () =>
        {
            using (subscription)
            {
                try
                {
                    await foreach (var capture in subscription.ReadAllAsync(_life.Token))
                    {
                        Attach(capture);
                    }
                }
                catch (OperationCanceledException)
                {
                }
                catch (Exception ex)
                {
                    Notice("session.capture_stream", ex.Message);
                }
            }
        });
    }

    /// <summary>
    /// A client takes the session's events; returns the token that ends its hold, or null when the session has ended or
    /// another client holds it and this is not a resume. A resume takes over from a client the gateway still believes
    /// connected: a crashed booth often reconnects before its old connection is known to be dead.
    /// </summary>
    public CancellationToken? AttachClient(bool resumed)
    {
        var hold = new CancellationTokenSource();
        CancellationTokenSource? previous;
        lock (_gate)
        {
            if (Ended || (_client is not null && !resumed))
            {
                return null;
            }

            previous = _client;
            _client = hold;
            _grace?.Cancel();
            _grace = null;
        }

        previous?.Cancel();
        var started = new SessionStarted { BoothId = BoothId, Resumed = resumed };
        started.DeviceIds.AddRange(DeviceIds);
        started.Steps.AddRange(Steps);
        Emit(new SessionEvent { Started = started });
        Emit(new SessionEvent { Step = StepEvent(CurrentStep()) });
        return hold.Token;
    }

    /// <summary>
    /// The client holding <paramref name="hold"/> went away without ending the session: keep it for the grace period,
    /// then abandon it. Nothing happens when another client has taken over since.
    /// </summary>
    public void DetachClient(CancellationToken hold, TimeSpan grace, TimeProvider time)
    {
        CancellationTokenSource timer;
        lock (_gate)
        {
            if (Ended || _client is null || _client.Token != hold)
            {
                return;
            }

            _client = null;
            _grace = timer = new CancellationTokenSource();
        }

        _ = Task.Delay(grace, time, timer.Token).ContinueWith(
            t =>
            {
                if (!t.IsCanceled)
                {
                    Abandon("session.expired", _manager.Texts.Format("SessionExpired", grace.TotalSeconds));
                }
            },
            TaskScheduler.Default);
    }

    public void Attach(Capture capture)
    {
        var step = RecordBuilder.StepOf(capture);
        if (!Steps.Contains(step) || capture.PayloadCase == Capture.PayloadOneofCase.Record)
        {
            return;
        }

        lock (_gate)
        {
            if (Ended || _captures.Exists(c => c.Id == capture.Id))
            {
                return;
            }

            _captures.Add(capture);
        }

        Emit(new SessionEvent { Attached = new CaptureAttached { Step = step, Capture = capture } });
        if (capture.Checks.FirstOrDefault(c => c.Outcome == CheckOutcome.Failed) is { } failed)
        {
            Notice("session.check_failed", _manager.Texts.Format("SessionCheckFailed", Names.Of(step), failed.Name));
        }

        AdvanceStep();
    }

    public async Task CaptureAsync(SessionStep step, DeviceRegistry devices, CancellationToken cancellationToken)
    {
        step = step == SessionStep.Unspecified ? CurrentStep() : step;
        var (deviceClass, kind) = step switch
        {
            SessionStep.Document => (DeviceClass.DocumentReader, Drivers.CaptureKind.Document),
            SessionStep.Portrait => (DeviceClass.Camera, Drivers.CaptureKind.Portrait),
            SessionStep.Fingerprints => (DeviceClass.FingerprintScanner, Drivers.CaptureKind.Fingerprint),
            _ => (DeviceClass.Unspecified, Drivers.CaptureKind.Document),
        };

        // A device still opening (a camera negotiating its format) gets a moment before the capture is refused; only a
        // started driver says whether it can capture on command.
        DeviceSupervisor? device = null;
        foreach (var candidate in DeviceIds.Select(devices.Get).Where(d => d.DeviceClass == (Drivers.DeviceClass)deviceClass))
        {
            await candidate.WaitUntilReadyAsync(DeviceSupervisor.StartingGrace, cancellationToken);
            if (candidate.Snapshot().TriggerKinds.Contains((CaptureKind)kind))
            {
                device = candidate;
                break;
            }
        }

        if (device is null)
        {
            Notice("session.no_device", _manager.Texts.Format("SessionNoDevice", Names.Of(step)));
            return;
        }

        try
        {
            // The capture reaches the session through the capture stream, like one the device made by itself.
            await device.TriggerAsync(kind, cancellationToken);
        }
        catch (Exception ex) when (ex is DevicePreconditionException or Drivers.DeviceException)
        {
            Notice("session.trigger_failed", ex.Message);
        }
    }

    public void Retry(SessionStep step)
    {
        lock (_gate)
        {
            _captures.RemoveAll(c => RecordBuilder.StepOf(c) == step);
        }

        AdvanceStep(force: true);
    }

    public TravellerRecord? Complete(DateTimeOffset now)
    {
        SessionSnapshot snapshot;
        lock (_gate)
        {
            if (Ended)
            {
                return null;
            }

            snapshot = new SessionSnapshot(Id, BoothId, StartedAt, Steps, _captures.ToArray());
        }

        var record = RecordBuilder.Build(snapshot, now, _manager.Texts);
        _manager.Publish(record);
        Emit(new SessionEvent { Completed = record });
        End();
        return record;
    }

    public void Abandon(string code, string reason)
    {
        lock (_gate)
        {
            if (Ended)
            {
                return;
            }
        }

        Emit(new SessionEvent { Abandoned = new SessionAbandoned { ReasonCode = code, Reason = reason } });
        End();
    }

    private void End()
    {
        lock (_gate)
        {
            if (Ended)
            {
                return;
            }

            Ended = true;
        }

        _life.Cancel();
        _manager.Ended(this);
        _events.Writer.TryComplete();
    }

    private SessionStep CurrentStep()
    {
        lock (_gate)
        {
            return Steps.FirstOrDefault(step => !_captures.Exists(c => RecordBuilder.StepOf(c) == step && RecordBuilder.Completes(c)), SessionStep.Review);
        }
    }

    private void AdvanceStep(bool force = false)
    {
        var next = CurrentStep();
        lock (_gate)
        {
            if (next == _current && !force)
            {
                return;
            }

            _current = next;
        }

        Emit(new SessionEvent { Step = StepEvent(next) });
    }

    private StepChanged StepEvent(SessionStep step)
    {
        var name = Names.Of(step);
        var changed = new StepChanged { Step = step, PromptCode = $"session.prompt.{name}", Prompt = _manager.Texts.Format("SessionPrompt_" + name) };
        lock (_gate)
        {
            changed.Done.AddRange(Steps.Where(s => _captures.Exists(c => RecordBuilder.StepOf(c) == s && RecordBuilder.Completes(c))));
        }

        return changed;
    }

    private void Notice(string code, string message) =>
        Emit(new SessionEvent { Notice = new SessionNotice { Code = code, Message = message } });

    private void Emit(SessionEvent sessionEvent)
    {
        sessionEvent.SessionId = Id;
        sessionEvent.Time = Timestamp.FromDateTimeOffset(_manager.Time.GetUtcNow());
        _events.Writer.TryWrite(sessionEvent);
    }
}
