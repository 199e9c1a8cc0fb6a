using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Drivers.Camera.Tests;

/// <summary>A device context that records what a driver reports, with waits for what a test expects next.</summary>
internal sealed class RecordingContext : IDeviceContext
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly Channel<DeviceState> _states = Channel.CreateUnbounded<DeviceState>();

    public Channel<CaptureData> Published { get; } = Channel.CreateUnbounded<CaptureData>();

    public Channel<DeviceIncident> Incidents { get; } = Channel.CreateUnbounded<DeviceIncident>();

    public DeviceIdentity? Identity { get; private set; }

    public string DeviceId => "camera-1";

    public TimeProvider TimeProvider => TimeProvider.System;

    public ILogger Logger => NullLogger.Instance;

    public void ReportState(DeviceState state) => _states.Writer.TryWrite(state);

    public void ReportIdentity(DeviceIdentity identity) => Identity = identity;

    public void ReportIncident(DeviceIncident incident) => Incidents.Writer.TryWrite(incident);

    public ValueTask PublishAsync(CaptureData capture, CancellationToken cancellationToken) =>
        Published.Writer.WriteAsync(capture, cancellationToken);

    public async Task WaitForStateAsync(DeviceState state)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (await _states.Reader.ReadAsync(timeout.Token) != state)
        {
        }
    }

    public async Task<CaptureData> NextCaptureAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        return await Published.Reader.ReadAsync(timeout.Token);
    }

    public List<CaptureData> AllCaptures()
    {
        var all = new List<CaptureData>();
        while (Published.Reader.TryRead(out var capture))
        {
            all.Add(capture);
        }

        return all;
    }
}
