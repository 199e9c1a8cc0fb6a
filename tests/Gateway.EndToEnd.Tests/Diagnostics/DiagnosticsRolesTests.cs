using System.Security.Cryptography;
using System.Text;
using Gateway.Contracts.V1;
using Grpc.Core;

namespace Gateway.EndToEnd.Tests.Diagnostics;

/// <summary>Every DiagnosticsService method is for technicians: a booth's token is refused, a technician's is let in.</summary>
public sealed class DiagnosticsRolesTests
{
    private const string BoothToken = "booth-token-2f6a";
    private const string TechnicianToken = "technician-token-91c3";

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    private static string Sha256(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    [Fact]
    public async Task DiagnosticsService_BoothToken_IsDenied_TechnicianToken_IsServed_AndTheTokensStayOutOfSupportInfo()
    {
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("reader-1", "simulated-document")],
            "--Gateway:Security:Tokens:0:Identity", "booth-7",
            "--Gateway:Security:Tokens:0:Role", "Booth",
            "--Gateway:Security:Tokens:0:Sha256", Sha256(BoothToken),
            "--Gateway:Security:Tokens:1:Identity", "tech-anna",
            "--Gateway:Security:Tokens:1:Role", "Technician",
            "--Gateway:Security:Tokens:1:Sha256", Sha256(TechnicianToken));
        var client = new DiagnosticsService.DiagnosticsServiceClient(gateway.Channel);
        var check = new CheckHealthRequest { DeviceId = "reader-1", Level = HealthLevel.Internal };

        var booth = await Assert.ThrowsAsync<RpcException>(async () => await client.CheckHealthAsync(check, Bearer(BoothToken), cancellationToken: Timeout));
        var boothStatistics = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.GetStatisticsAsync(new GetStatisticsRequest(), Bearer(BoothToken), cancellationToken: Timeout));
        var anonymous = await Assert.ThrowsAsync<RpcException>(async () => await client.CheckHealthAsync(check, cancellationToken: Timeout));
        var technician = await client.CheckHealthAsync(check, Bearer(TechnicianToken), cancellationToken: Timeout);
        var info = await client.GetSupportInfoAsync(new GetSupportInfoRequest(), Bearer(TechnicianToken), cancellationToken: Timeout);

        Assert.Equal(StatusCode.PermissionDenied, booth.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, boothStatistics.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.Equal("reader-1", technician.DeviceId);
        Assert.Contains("Gateway:Security:Tokens:1:Sha256=***", info.Configuration);
        Assert.DoesNotContain(info.Configuration, l => l.Contains(Sha256(TechnicianToken), StringComparison.OrdinalIgnoreCase));
    }
}
