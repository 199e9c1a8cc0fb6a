using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Drivers.PageReader.Simulated.Tests;

/// <summary>A device context that records, in order, what a driver reports: states, presence events, captures.</summary>
internal sealed class RecordingContext(TimeProvider time) : IDeviceContext
{
    private readonly Lock _gate = new();
    private readonly List<string> _log = [];

    public Channel<CaptureData> Published { get; } = Channel.CreateUnbounded<CaptureData>();

    public TaskCompletionSource Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string DeviceId => "page-reader-1";

    public TimeProvider TimeProvider => time;

    public ILogger Logger => NullLogger.Instance;

    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_gate)
            {
                return [.. _log];
            }
        }
    }

    public void ReportState(DeviceState state)
    {
        if (state == DeviceState.Ready)
        {
            Ready.TrySetResult();
        }
    }

    public void ReportIdentity(DeviceIdentity identity)
    {
    }

    public void ReportIncident(DeviceIncident incident) => Add("incident " + incident.Code);

    public void ReportDocumentPresence(bool placed) => Add(placed ? "placed" : "removed");

    public ValueTask PublishAsync(CaptureData capture, CancellationToken cancellationToken)
    {
        Add("capture");
        return Published.Writer.WriteAsync(capture, cancellationToken);
    }

    private void Add(string entry)
    {
        lock (_gate)
        {
            _log.Add(entry);
        }
    }
}
