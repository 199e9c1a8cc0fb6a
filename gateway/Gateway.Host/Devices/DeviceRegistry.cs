using Gateway.Host.Captures;
using Gateway.Host.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Devices;

/// <summary>The configured devices, each with its supervisor, in configuration order.</summary>
internal sealed class DeviceRegistry
{
    private readonly Dictionary<string, DeviceSupervisor> _byId;

    public DeviceRegistry(
        IOptions<GatewayOptions> options,
        DriverCatalog drivers,
        CaptureFactory captures,
        CaptureHub hub,
        DeviceEventHub events,
        Texts texts,
        TimeProvider time,
        ILoggerFactory loggers,
        Telemetry.GatewayTelemetry? telemetry = null)
    {
        var gateway = options.Value;
        Devices =
        [
            .. gateway.Devices.Select(d => new DeviceSupervisor(
                d,
                drivers.Get(d.Driver),
                gateway.Supervisor,
                captures,
                hub,
                events,
                texts,
                time,
                loggers.CreateLogger($"Gateway.Devices.{d.Id}"),
                telemetry)),
        ];
        _byId = Devices.ToDictionary(d => d.DeviceId, StringComparer.OrdinalIgnoreCase);
        NotFound = id => new DeviceNotFoundException(texts.Format("DeviceNotFound", id));
    }

    public IReadOnlyList<DeviceSupervisor> Devices { get; }

    private Func<string, Exception> NotFound { get; }

    /// <exception cref="DeviceNotFoundException">No device has that id.</exception>
    public DeviceSupervisor Get(string id) => _byId.TryGetValue(id, out var device) ? device : throw NotFound(id);
}
