using Gateway.Contracts.V1;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Host.Devices;

/// <summary>
/// Healthy when no device is faulted; Degraded (still SERVING over gRPC health) when some are, since the gateway
/// goes on serving the others and the faulted ones are being restarted.
/// </summary>
internal sealed class DevicesHealthCheck(DeviceRegistry registry) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var faulted = registry.Devices.Select(d => d.Snapshot()).Where(d => d.State is DeviceState.Faulted or DeviceState.Malfunctioned).Select(d => d.Id).ToList();
        return Task.FromResult(faulted.Count == 0
            ? HealthCheckResult.Healthy($"{registry.Devices.Count} devices")
            : HealthCheckResult.Degraded($"Faulted or out of service: {string.Join(", ", faulted)}"));
    }
}
