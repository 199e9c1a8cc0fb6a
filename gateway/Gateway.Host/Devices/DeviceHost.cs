
namespace Gateway.Host.Devices;

/// <summary>Runs every device's supervisor for the life of the gateway.</summary>
internal sealed class DeviceHost(DeviceRegistry registry) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(registry.Devices.Select(d => d.RunAsync(stoppingToken)));
}
