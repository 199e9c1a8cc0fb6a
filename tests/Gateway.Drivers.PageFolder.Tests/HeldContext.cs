using Gateway.Drivers.Conformance;
using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.PageFolder.Tests;

/// <summary>
/// A device context whose host takes only the first <c>accepted</c> captures and then stops taking any (an intake that
/// stays full), the way a gateway that is being stopped mid-batch behaves.
/// </summary>
internal sealed class HeldContext(int accepted) : IDeviceContext
{
    private int _published;

    public ConformanceContext Inner { get; } = new("page-folder-1");

    /// <summary>Completes when the driver offers a capture the host no longer takes.</summary>
    public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string DeviceId => Inner.DeviceId;

    public TimeProvider TimeProvider => Inner.TimeProvider;

    public ILogger Logger => Inner.Logger;

    public void ReportState(DeviceState state) => Inner.ReportState(state);

    public void ReportIdentity(DeviceIdentity identity) => Inner.ReportIdentity(identity);

    public void ReportIncident(DeviceIncident incident) => Inner.ReportIncident(incident);

    public async ValueTask PublishAsync(CaptureData capture, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _published) > accepted)
        {
            Held.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        await Inner.PublishAsync(capture, cancellationToken);
    }
}
