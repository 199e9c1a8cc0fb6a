using Gateway.Drivers;
using Gateway.TestDrivers.Lib;
using Microsoft.Extensions.Configuration;

namespace Gateway.TestDrivers.Alpha;

/// <summary>Makes drivers that report, as their firmware, the version of Gateway.TestDrivers.Lib they loaded.</summary>
public sealed class AlphaFactory : IDriverFactory
{
    /// <inheritdoc />
    public string Name => "test-alpha";

    /// <inheritdoc />
    public DeviceClass DeviceClass => DeviceClass.DocumentReader;

    /// <inheritdoc />
    public IReadOnlyList<DriverSettingError> Validate(IConfigurationSection settings) => [];

    /// <inheritdoc />
    public IDeviceDriver Create(string deviceId, IConfigurationSection settings) => new AlphaDriver();
}

/// <summary>Reports Ready with the library version, then waits.</summary>
public sealed class AlphaDriver : IDocumentReader
{
    /// <inheritdoc />
    public async Task RunAsync(IDeviceContext context, CancellationToken cancellationToken)
    {
        context.ReportIdentity(new DeviceIdentity("Test", "Alpha", Firmware: "lib " + LibraryVersion.Value));
        context.ReportState(DeviceState.Ready);
        await Task.Delay(Timeout.InfiniteTimeSpan, context.TimeProvider, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
