using Gateway.Drivers;
using Microsoft.Extensions.Configuration;

namespace Gateway.Host.Tests.Devices;

/// <summary>A driver factory whose drivers the test scripts, counting how many it made.</summary>
internal sealed class ScriptedDriverFactory(Func<int, IDeviceDriver> make) : IDriverFactory
{
    private int _created;

    public string Name => "scripted";

    public DeviceClass DeviceClass => DeviceClass.DocumentReader;

    public int Created => Volatile.Read(ref _created);

    public IReadOnlyList<DriverSettingError> Validate(IConfigurationSection settings) => [];

    public IDeviceDriver Create(string deviceId, IConfigurationSection settings) => make(Interlocked.Increment(ref _created));
}

/// <summary>Fails as soon as it runs.</summary>
internal sealed class FailingDriver(bool synchronously = false, string code = "test.broken") : IDocumentReader
{
    public Task RunAsync(IDeviceContext context, CancellationToken cancellationToken)
    {
        var failure = new DeviceException(code, "The test device is broken.");
        return synchronously ? throw failure : Task.FromException(failure);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Reports Ready and waits; captures documents on command.</summary>
internal sealed class ReadyDriver : IDocumentReader, ITriggerableDevice
{
    public IReadOnlyList<CaptureKind> TriggerKinds { get; } = [CaptureKind.Document];

    public bool Disposed { get; private set; }

    public async Task RunAsync(IDeviceContext context, CancellationToken cancellationToken)
    {
        context.ReportState(DeviceState.Ready);
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
    }

    public Task<CaptureData> CaptureAsync(CaptureKind kind, CancellationToken cancellationToken) =>
        Task.FromResult(new CaptureData(new DocumentPayload(["P<UTOERIKSSON<<ANNA<MARIA"])));

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}

/// <summary>Reports Ready and returns at once, like a video file that played out.</summary>
internal sealed class EndingDriver : IDocumentReader
{
    public Task RunAsync(IDeviceContext context, CancellationToken cancellationToken)
    {
        context.ReportState(DeviceState.Ready);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Reports the incidents it is given, then Ready, and waits.</summary>
internal sealed class IncidentDriver(params DeviceIncident[] incidents) : IDocumentReader
{
    public async Task RunAsync(IDeviceContext context, CancellationToken cancellationToken)
    {
        foreach (var incident in incidents)
        {
            context.ReportIncident(incident);
        }

        context.ReportState(DeviceState.Ready);
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Reports Ready then fails; its dispose never completes.</summary>
internal sealed class HangingOnDisposeDriver : IDocumentReader
{
    private readonly TaskCompletionSource _never = new();

    public Task RunAsync(IDeviceContext context, CancellationToken cancellationToken)
    {
        context.ReportState(DeviceState.Ready);
        return Task.FromException(new DeviceException("test.failed", "Failed; will not stop."));
    }

    public ValueTask DisposeAsync() => new(_never.Task);
}

/// <summary>Reports Ready once the test opens the gate, then waits.</summary>
internal sealed class GatedReadyDriver(Task gate) : IDocumentReader
{
    public async Task RunAsync(IDeviceContext context, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        context.ReportState(DeviceState.Ready);
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
