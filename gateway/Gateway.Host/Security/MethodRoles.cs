using static Gateway.Host.Security.Role;

namespace Gateway.Host.Security;

/// <summary>
/// The one table of which role may call which gRPC method (admins may call every method). A method missing here is
/// refused to everybody, and a test fails for every mapped method that is missing.
/// </summary>
internal static class MethodRoles
{
    private static readonly Role[] Anyone = [Booth, Technician];
    private static readonly Role[] Booths = [Booth];
    private static readonly Role[] Technicians = [Technician];

    /// <summary>Full gRPC method name (<c>/package.Service/Method</c>) → the roles besides admin that may call it.</summary>
    public static IReadOnlyDictionary<string, Role[]> Table { get; } = new Dictionary<string, Role[]>(StringComparer.Ordinal)
    {
        // Captures, records, sessions and the camera preview carry personal data: booths only.
        ["/gateway.v1.CaptureService/WatchCaptures"] = Booths,
        ["/gateway.v1.CaptureService/Acknowledge"] = Booths,
        ["/gateway.v1.CaptureService/TriggerCapture"] = Booths,
        ["/gateway.v1.SessionService/RunSession"] = Booths,
        ["/gateway.v1.SessionService/GetRecord"] = Booths,
        ["/gateway.v1.PreviewService/StreamPreview"] = Booths,
        // Device state: everybody; device control and drivers: technicians.
        ["/gateway.v1.DeviceService/ListDevices"] = Anyone,
        ["/gateway.v1.DeviceService/GetDevice"] = Anyone,
        ["/gateway.v1.DeviceService/WatchDevices"] = Anyone,
        ["/gateway.v1.DeviceService/EnableDevice"] = Technicians,
        ["/gateway.v1.DeviceService/ListDrivers"] = Technicians,
        // Diagnostics: health, statistics, the (personal-data-free) log, simulated captures.
        ["/gateway.v1.DiagnosticsService/CheckHealth"] = Technicians,
        ["/gateway.v1.DiagnosticsService/GetStatistics"] = Technicians,
        ["/gateway.v1.DiagnosticsService/WatchLogs"] = Technicians,
        ["/gateway.v1.DiagnosticsService/InjectCapture"] = Technicians,
        ["/gateway.v1.DiagnosticsService/GetSupportInfo"] = Technicians,
        // Health and reflection hold nothing personal.
        ["/grpc.health.v1.Health/Check"] = Anyone,
        ["/grpc.health.v1.Health/Watch"] = Anyone,
        ["/grpc.health.v1.Health/List"] = Anyone,
        ["/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"] = Anyone,
        ["/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"] = Anyone,
    };

    /// <summary>The roles besides admin that may call <paramref name="method"/>; empty (admin only) when it is not in the table.</summary>
    public static IReadOnlyCollection<Role> For(string method) => Table.TryGetValue(method, out var roles) ? roles : [];
}
