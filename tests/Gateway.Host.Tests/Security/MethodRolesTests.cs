using Gateway.Host.Security;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Host.Tests.Security;

public sealed class MethodRolesTests
{
    [Fact]
    public async Task Table_DeclaresEveryMappedGrpcMethod()
    {
        var devices = Path.Combine(Path.GetTempPath(), $"gateway-roles-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(devices, """[ { "Id": "reader-1", "Driver": "simulated-document" } ]""");
        try
        {
            await using var app = GatewayApplication.Build(["--devices", devices]);
            var methods = ((IEndpointRouteBuilder)app).DataSources
                .SelectMany(d => d.Endpoints)
                .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>())
                .OfType<GrpcMethodMetadata>()
                .Select(m => m.Method.FullName)
                .Distinct()
                .ToList();

            Assert.Contains("/gateway.v1.CaptureService/WatchCaptures", methods);
            Assert.Contains("/grpc.health.v1.Health/Check", methods);
            Assert.DoesNotContain(methods, m => !MethodRoles.Table.ContainsKey(m));
        }
        finally
        {
            File.Delete(devices);
        }
    }

    [Fact]
    public void Table_TechnicianNeverReachesPersonalData()
    {
        string[] personal =
        [
            "/gateway.v1.CaptureService/WatchCaptures", "/gateway.v1.CaptureService/Acknowledge", "/gateway.v1.CaptureService/TriggerCapture",
            "/gateway.v1.SessionService/RunSession", "/gateway.v1.SessionService/GetRecord", "/gateway.v1.PreviewService/StreamPreview",
        ];

        Assert.All(personal, m => Assert.DoesNotContain(Role.Technician, MethodRoles.For(m)));
    }
}
