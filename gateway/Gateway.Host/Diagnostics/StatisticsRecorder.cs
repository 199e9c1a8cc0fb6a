using System.Threading.Channels;
using Gateway.Contracts.V1;
using Gateway.Host.Captures;
using Gateway.Host.Devices;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Diagnostics;

/// <summary>
/// Keeps every device's statistics from its events and captures, and persists them in the statistics file: a short
/// while after a change (so a burst of captures is one write) and when the gateway stops. Statistics therefore survive
/// restarts; an unreadable file starts them again rather than stopping the gateway.
/// </summary>
internal sealed class StatisticsRecorder : IHostedService, IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromSeconds(2);
    private readonly DeviceRegistry _registry;
    private readonly DeviceEventHub _events;
    private readonly CaptureHub _captures;
    private readonly TimeProvider _time;
    private readonly ILogger<StatisticsRecorder> _logger;
    private readonly string _path;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string State, DateTimeOffset Since)> _current = new(StringComparer.OrdinalIgnoreCase);
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopping = new();
    private StoredStatistics _stored = new();
    private Task _work = Task.CompletedTask;

    public StatisticsRecorder(
        DeviceRegistry registry,
        DeviceEventHub events,
        CaptureHub captures,
        IOptions<DiagnosticsOptions> options,
        TimeProvider time,
        ILogger<StatisticsRecorder> logger)
    {
        _registry = registry;
        _events = events;
        _captures = captures;
        _time = time;
        _logger = logger;
        _path = Path.GetFullPath(options.Value.StatisticsPath, AppContext.BaseDirectory);
    }

    /// <summary>When statistics were first kept.</summary>
    public DateTimeOffset Since
    {
        get
        {
            lock (_gate)
            {
                return _stored.Since;
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var stored = StatisticsFile.Read(_path);
        if (stored is null && File.Exists(_path))
        {
            Log.StatisticsUnreadable(_logger, _path);
        }

        var now = _time.GetUtcNow();
        lock (_gate)
        {
            _stored = stored ?? new StoredStatistics { Since = now };
            foreach (var device in _registry.Devices)
            {
                var snapshot = device.Snapshot();
                Entry(snapshot.Id);
                _current[snapshot.Id] = (StateName(snapshot.State), now);
            }
        }

        // Subscribed here, before the host reports started, so no event of a starting device is missed.
        var events = _events.Watch(_stopping.Token);
        var captures = _captures.Subscribe(_captures.LastSequence);
        _work = Task.WhenAll(
            Task.Run(() => RecordEventsAsync(events), CancellationToken.None),
            Task.Run(() => RecordCapturesAsync(captures), CancellationToken.None),
            Task.Run(SaveWhenChangedAsync, CancellationToken.None));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _work.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Save();
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>The statistics of every device (or of one), up to now.</summary>
    public IReadOnlyList<DeviceStatistics> Snapshot(IEnumerable<string> deviceIds)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            return [.. deviceIds.Select(id => ToContract(id, Entry(id), now))];
        }
    }

    private DeviceStatistics ToContract(string id, StoredDeviceStatistics stored, DateTimeOffset now)
    {
        var statistics = new DeviceStatistics
        {
            DeviceId = id,
            Captures = stored.Captures,
            UnverifiedCaptures = stored.UnverifiedCaptures,
            Reconnects = stored.Reconnects,
            LastErrorCode = stored.LastErrorCode,
            LastError = stored.LastError,
            LastErrorAt = stored.LastErrorAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            Identity = new Contracts.V1.DeviceIdentity
            {
                Vendor = stored.Vendor,
                Model = stored.Model,
                SerialNumber = stored.SerialNumber,
                Firmware = stored.Firmware,
            },
        };
        statistics.FailuresByReason.Add(stored.Failures);
        var seconds = new Dictionary<string, double>(stored.SecondsInState);
        if (_current.TryGetValue(id, out var current))
        {
            seconds[current.State] = seconds.GetValueOrDefault(current.State) + Math.Max(0, (now - current.Since).TotalSeconds);
        }

        foreach (var (state, value) in seconds)
        {
            statistics.TimeInState[state] = Duration.FromTimeSpan(TimeSpan.FromSeconds(value));
        }

        return statistics;
    }

    /// <summary>A state as the statistics name it: the contract's name without its prefix, e.g. <c>READY</c>.</summary>
    private static string StateName(Contracts.V1.DeviceState state) => state.ToString().ToUpperInvariant();

    private StoredDeviceStatistics Entry(string id)
    {
        if (!_stored.Devices.TryGetValue(id, out var entry))
        {
            entry = new StoredDeviceStatistics();
            _stored.Devices[id] = entry;
        }

        return entry;
    }

    private async Task RecordEventsAsync(ChannelReader<DeviceEvent> events)
    {
        try
        {
            await foreach (var deviceEvent in events.ReadAllAsync(_stopping.Token))
            {
                if (deviceEvent.StateChanged?.Device is { } device)
                {
                    Record(device, deviceEvent.StateChanged.PreviousState, deviceEvent.Time.ToDateTimeOffset());
                    _changed.Writer.TryWrite(true);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Record(Device device, Contracts.V1.DeviceState previous, DateTimeOffset at)
    {
        lock (_gate)
        {
            var entry = Entry(device.Id);
            var state = StateName(device.State);
            if (_current.TryGetValue(device.Id, out var current))
            {
                entry.SecondsInState[current.State] = entry.SecondsInState.GetValueOrDefault(current.State) + Math.Max(0, (at - current.Since).TotalSeconds);
            }

            _current[device.Id] = (state, at);
            if (device.State is Contracts.V1.DeviceState.Faulted or Contracts.V1.DeviceState.Malfunctioned)
            {
                var code = string.IsNullOrEmpty(device.ReasonCode) ? "device.failed" : device.ReasonCode;
                entry.Failures[code] = entry.Failures.GetValueOrDefault(code) + 1;
                entry.LastErrorCode = code;
                entry.LastError = device.Reason;
                entry.LastErrorAt = at;
            }

            if (device.State == Contracts.V1.DeviceState.Starting
                && previous is Contracts.V1.DeviceState.Faulted or Contracts.V1.DeviceState.Malfunctioned)
            {
                entry.Reconnects++;
            }

            if (device.Identity is { } identity && (identity.Vendor.Length > 0 || identity.Model.Length > 0))
            {
                (entry.Vendor, entry.Model, entry.SerialNumber, entry.Firmware) = (identity.Vendor, identity.Model, identity.SerialNumber, identity.Firmware);
            }
        }
    }

    private async Task RecordCapturesAsync(CaptureSubscription subscription)
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                using (subscription)
                {
                    await foreach (var capture in subscription.ReadAllAsync(_stopping.Token))
                    {
                        if (capture.Kind == CaptureKind.Record)
                        {
                            continue;
                        }

                        lock (_gate)
                        {
                            var entry = Entry(capture.DeviceId);
                            entry.Captures++;
                            if (!capture.Verified)
                            {
                                entry.UnverifiedCaptures++;
                            }
                        }

                        _changed.Writer.TryWrite(true);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SubscriberLaggingException lagging)
            {
                // Only under a burst this recorder could not keep up with: go on from where it was.
                subscription = _captures.Subscribe(lagging.LastDelivered);
            }
        }
    }

    private async Task SaveWhenChangedAsync()
    {
        try
        {
            while (await _changed.Reader.WaitToReadAsync(_stopping.Token))
            {
                await Task.Delay(Debounce, _time, _stopping.Token);
                _changed.Reader.TryRead(out _);
                Save();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Save()
    {
        StoredStatistics copy;
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            // The current stays are written as if they ended now, so a crash loses at most the debounce interval.
            copy = new StoredStatistics { Since = _stored.Since };
            foreach (var (id, entry) in _stored.Devices)
            {
                var seconds = new Dictionary<string, double>(entry.SecondsInState);
                if (_current.TryGetValue(id, out var current))
                {
                    seconds[current.State] = seconds.GetValueOrDefault(current.State) + Math.Max(0, (now - current.Since).TotalSeconds);
                }

                copy.Devices[id] = new StoredDeviceStatistics
                {
                    Captures = entry.Captures,
                    UnverifiedCaptures = entry.UnverifiedCaptures,
                    Failures = new Dictionary<string, ulong>(entry.Failures),
                    Reconnects = entry.Reconnects,
                    SecondsInState = seconds,
                    LastErrorCode = entry.LastErrorCode,
                    LastError = entry.LastError,
                    LastErrorAt = entry.LastErrorAt,
                    Vendor = entry.Vendor,
                    Model = entry.Model,
                    SerialNumber = entry.SerialNumber,
                    Firmware = entry.Firmware,
                };
            }
        }

        try
        {
            StatisticsFile.Write(_path, copy);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.StatisticsNotSaved(_logger, _path, ex);
        }
    }
}
