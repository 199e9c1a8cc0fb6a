using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Gateway.Contracts.V1;
using Gateway.Host.Devices;
using Gateway.Host.Journal;

namespace Gateway.Host.Telemetry;

/// <summary>
/// The instruments read from the gateway's state rather than recorded on the capture path: every device's state (one
/// series per state, 1 for the current one, so a state left shows 0 instead of lingering), the journal's depth, and
/// device reconnects and faults counted from the same device events the statistics use.
/// </summary>
internal sealed class GatewayObservations : IHostedService, IDisposable
{
    private static readonly DeviceState[] States = [.. Enum.GetValues<DeviceState>().Where(s => s != DeviceState.Unspecified)];
    private readonly GatewayTelemetry _telemetry;
    private readonly DeviceRegistry _registry;
    private readonly DeviceEventHub _events;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Counter<long> _reconnects;
    private readonly Counter<long> _faults;
    private Task _work = Task.CompletedTask;

    public GatewayObservations(GatewayTelemetry telemetry, DeviceRegistry registry, DeviceEventHub events, CaptureJournal journal)
    {
        _telemetry = telemetry;
        _registry = registry;
        _events = events;
        var meter = telemetry.Meter;
        meter.CreateObservableGauge(
            "gateway.device.state", ObserveStates, "{state}", "1 for each device's current state (starting, ready, busy, faulted, stopped, malfunctioned), 0 for the others.");
        meter.CreateObservableGauge(
            "gateway.journal.entries", () => journal.Count, "{capture}", "Captures held in the journal: not yet acknowledged by every consumer.");
        meter.CreateObservableGauge("gateway.journal.size", () => journal.Bytes, "By", "Bytes of encrypted captures held in the journal.");
        _reconnects = meter.CreateCounter<long>("gateway.device.reconnects", "{restart}", "Driver restarts after a fault.");
        _faults = meter.CreateCounter<long>("gateway.device.faults", "{fault}", "Device faults and quarantines, by reason code.");
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribed before the host reports started, so no event of a starting device is missed.
        var events = _events.Watch(_stopping.Token);
        _work = Task.Run(() => CountAsync(events), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _work.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>The state as a label: the contract's name in lower case, e.g. <c>ready</c>.</summary>
    public static string StateName(DeviceState state) => state.ToString().ToLowerInvariant();

    private IEnumerable<Measurement<int>> ObserveStates()
    {
        foreach (var device in _registry.Devices)
        {
            var snapshot = device.Snapshot();
            foreach (var state in States)
            {
                yield return new Measurement<int>(
                    state == snapshot.State ? 1 : 0,
                    new("device", snapshot.Id),
                    new("driver", snapshot.Driver),
                    new("state", StateName(state)));
            }
        }
    }

    private async Task CountAsync(ChannelReader<DeviceEvent> events)
    {
        try
        {
            await foreach (var deviceEvent in events.ReadAllAsync(_stopping.Token))
            {
                if (deviceEvent.StateChanged is not { Device: { } device } changed)
                {
                    continue;
                }

                KeyValuePair<string, object?> id = new("device", device.Id), driver = new("driver", device.Driver);
                if (device.State is DeviceState.Faulted or DeviceState.Malfunctioned)
                {
                    var reason = string.IsNullOrEmpty(device.ReasonCode) ? "device.failed" : device.ReasonCode;
                    _faults.Add(1, id, driver, new("reason", _telemetry.CodeLabel(reason)));
                }

                if (device.State == DeviceState.Starting && changed.PreviousState is DeviceState.Faulted or DeviceState.Malfunctioned)
                {
                    _reconnects.Add(1, id, driver);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
