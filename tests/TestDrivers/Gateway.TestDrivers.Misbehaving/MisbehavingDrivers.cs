using Gateway.Drivers;
using Microsoft.Extensions.Configuration;

namespace Gateway.TestDrivers.Misbehaving;

/// <summary>Drivers whose start always fails.</summary>
public sealed class ThrowingFactory : IDriverFactory
{
    /// <inheritdoc />
    public string Name => "test-throws";

    /// <inheritdoc />
    public DeviceClass DeviceClass => DeviceClass.DocumentReader;

    /// <inheritdoc />
    public IReadOnlyList<DriverSettingError> Validate(IConfigurationSection settings) => [];

    /// <inheritdoc />
    public IDeviceDriver Create(string deviceId, IConfigurationSection settings) => new ThrowingDriver();
}

/// <summary>Fails as soon as it starts.</summary>
public sealed class ThrowingDriver : IDocumentReader
{
    /// <inheritdoc />
    public Task RunAsync(IDeviceContext context, CancellationToken cancellationToken) =>
        Task.FromException(new DeviceException("test.start_failed", "The test device never starts."));

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Drivers that run, then never finish stopping.</summary>
public sealed class HangingFactory : IDriverFactory
{
    /// <inheritdoc />
    public string Name => "test-hangs-on-stop";

    /// <inheritdoc />
    public DeviceClass DeviceClass => DeviceClass.DocumentReader;

    /// <inheritdoc />
    public IReadOnlyList<DriverSettingError> Validate(IConfigurationSection settings) => [];

    /// <inheritdoc />
    public IDeviceDriver Create(string deviceId, IConfigurationSection settings) => new HangingDriver();
}

/// <summary>Reports Ready, fails after a moment, and its dispose never completes.</summary>
public sealed class HangingDriver : IDocumentReader
{
    private readonly TaskCompletionSource _never = new();

    /// <inheritdoc />
    public async Task RunAsync(IDeviceContext context, CancellationToken cancellationToken)
    {
        context.ReportState(DeviceState.Ready);
        await Task.Delay(TimeSpan.FromMilliseconds(100), context.TimeProvider, cancellationToken);
        throw new DeviceException("test.failed", "The test device failed; stopping it will hang.");
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(_never.Task);
}
