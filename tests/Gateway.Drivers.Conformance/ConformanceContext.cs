using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Drivers.Conformance;

/// <summary>A device context that records everything a driver reports, the way the gateway's supervisor receives it.</summary>
public sealed class ConformanceContext(string deviceId) : IDeviceContext
{
    private readonly Channel<DeviceState> _states = Channel.CreateUnbounded<DeviceState>();

    /// <inheritdoc />
    public string DeviceId => deviceId;

    /// <inheritdoc />
    public TimeProvider TimeProvider => TimeProvider.System;

    /// <inheritdoc />
    public ILogger Logger => NullLogger.Instance;

    /// <summary>Captures the driver published by itself.</summary>
    public Channel<CaptureData> Published { get; } = Channel.CreateUnbounded<CaptureData>();

    /// <summary>Incidents the driver reported.</summary>
    public ConcurrentQueue<DeviceIncident> Incidents { get; } = new();

    /// <summary>Contract violations seen (e.g. reporting Faulted instead of throwing).</summary>
    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>The identity reported, if any.</summary>
    public DeviceIdentity? Identity { get; private set; }

    /// <inheritdoc />
    public void ReportState(DeviceState state)
    {
        if (state is DeviceState.Faulted or DeviceState.Malfunctioned)
        {
            Violations.Enqueue($"ReportState({state}): a driver reports a fault by throwing from RunAsync.");
        }

        _states.Writer.TryWrite(state);
    }

    /// <inheritdoc />
    public void ReportIdentity(DeviceIdentity identity) => Identity = identity;

    /// <inheritdoc />
    public void ReportIncident(DeviceIncident incident) => Incidents.Enqueue(incident);

    /// <summary>Document (or card) presence the driver reported, in order: true placed, false taken off.</summary>
    public Channel<bool> Presence { get; } = Channel.CreateUnbounded<bool>();

    /// <inheritdoc />
    public void ReportDocumentPresence(bool placed) => Presence.Writer.TryWrite(placed);

    /// <inheritdoc />
    public ValueTask PublishAsync(CaptureData capture, CancellationToken cancellationToken) =>
        Published.Writer.WriteAsync(capture, cancellationToken);

    /// <summary>Waits until the driver reports <paramref name="state"/>; false when <paramref name="timeout"/> passes first.</summary>
    public async Task<bool> WaitForStateAsync(DeviceState state, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await foreach (var reported in _states.Reader.ReadAllAsync(cancel.Token))
            {
                if (reported == state)
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return false;
    }
}
