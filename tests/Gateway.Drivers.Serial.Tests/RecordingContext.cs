using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Drivers.Serial.Tests;

/// <summary>A device context that records what a driver reports, with waits for what a test expects next.</summary>
internal sealed class RecordingContext(TimeProvider time) : IDeviceContext
{
    private readonly Channel<DeviceState> _states = Channel.CreateUnbounded<DeviceState>();

    public Channel<CaptureData> Published { get; } = Channel.CreateUnbounded<CaptureData>();

    public Channel<DeviceIncident> Incidents { get; } = Channel.CreateUnbounded<DeviceIncident>();

    public DeviceIdentity? Identity { get; private set; }

    public string DeviceId => "reader-1";

    public TimeProvider TimeProvider => time;

    public ILogger Logger => NullLogger.Instance;

    public void ReportState(DeviceState state) => _states.Writer.TryWrite(state);

    public void ReportIdentity(DeviceIdentity identity) => Identity = identity;

    public void ReportIncident(DeviceIncident incident) => Incidents.Writer.TryWrite(incident);

    public ValueTask PublishAsync(CaptureData capture, CancellationToken cancellationToken) =>
        Published.Writer.WriteAsync(capture, cancellationToken);

    public async Task WaitForStateAsync(DeviceState state)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await _states.Reader.ReadAsync(timeout.Token) != state)
        {
        }
    }

    public async Task<IReadOnlyList<string>> NextDocumentAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var capture = await Published.Reader.ReadAsync(timeout.Token);
        return Assert.IsType<DocumentPayload>(capture.Payload).MrzLines;
    }

    public async Task<DeviceIncident> NextIncidentAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await Incidents.Reader.ReadAsync(timeout.Token);
    }
}
