using System.Threading.Channels;
using Gateway.Drivers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Drivers.Simulated.Tests;

/// <summary>A device context that records what a driver reports.</summary>
internal sealed class RecordingContext(TimeProvider time) : IDeviceContext
{
    public Channel<CaptureData> Published { get; } = Channel.CreateUnbounded<CaptureData>();

    public List<DeviceState> States { get; } = [];

    public DeviceIdentity? Identity { get; private set; }

    public string DeviceId => "sim-1";

    public TimeProvider TimeProvider => time;

    public ILogger Logger => NullLogger.Instance;

    public void ReportState(DeviceState state)
    {
        lock (States)
        {
            States.Add(state);
        }
    }

    public List<DeviceIncident> Incidents { get; } = [];

    public void ReportIdentity(DeviceIdentity identity) => Identity = identity;

    public void ReportIncident(DeviceIncident incident)
    {
        lock (Incidents)
        {
            Incidents.Add(incident);
        }
    }

    public ValueTask PublishAsync(CaptureData capture, CancellationToken cancellationToken) =>
        Published.Writer.WriteAsync(capture, cancellationToken);
}
