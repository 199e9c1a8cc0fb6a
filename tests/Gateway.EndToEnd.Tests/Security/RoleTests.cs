using System.Security.Cryptography;
using System.Text;
using Gateway.Contracts.V1;
using Grpc.Core;
using Grpc.Health.V1;

namespace Gateway.EndToEnd.Tests.Security;

/// <summary>API tokens from configuration and the roles of every service, over a real loopback connection.</summary>
public sealed class RoleTests : IAsyncLifetime
{
    // Generated for this test; only their SHA-256 is given to the gateway.
    private static readonly string BoothToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
    private static readonly string TechnicianToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
    private static readonly string AdminToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
    private RunningGateway _gateway = null!;

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    public async Task InitializeAsync() => _gateway = await RunningGateway.StartAsync(
        [RunningGateway.Device("reader-1", "simulated-document")],
        [
            .. Token(0, "booth-1", "Booth", BoothToken),
            .. Token(1, "tech-1", "Technician", TechnicianToken),
            .. Token(2, "admin-1", "Admin", AdminToken),
            "--Gateway:Journal:Consumers:0", "booth-1",
        ]);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private static string[] Token(int index, string identity, string role, string token) =>
    [
        $"--Gateway:Security:Tokens:{index}:Identity", identity,
        $"--Gateway:Security:Tokens:{index}:Role", role,
        $"--Gateway:Security:Tokens:{index}:Sha256", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))),
    ];

    private static Metadata As(string? token) => token is null ? [] : new Metadata { { "authorization", "Bearer " + token } };

    private CaptureService.CaptureServiceClient Captures => new(_gateway.Channel);

    private DeviceService.DeviceServiceClient Devices => new(_gateway.Channel);

    private static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    private Task<StatusCode> Watch(string? token) => StatusOf(async () =>
    {
        using var watch = Captures.WatchCaptures(new WatchCapturesRequest(), As(token), cancellationToken: Timeout);
        // The first capture proves the stream is open; a refusal comes as the stream's status instead.
        await Captures.TriggerCaptureAsync(new TriggerCaptureRequest { DeviceId = "reader-1" }, As(AdminToken), cancellationToken: Timeout);
        await watch.ResponseStream.MoveNext(Timeout);
    });

    [Fact]
    public async Task Gatewayctl_WithItsToken_IsServedAndWithoutItIsRefused()
    {
        var address = _gateway.Address.ToString();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var served = await Cli.GatewayCtl.RunAsync(["devices", "--json", "--address", address, "--token", TechnicianToken], new Cli.Console(new StringReader(string.Empty), output, error));
        var refused = await Cli.GatewayCtl.RunAsync(["devices", "--json", "--address", address], new Cli.Console(new StringReader(string.Empty), new StringWriter(), error));

        Assert.Equal(0, served);
        Assert.Contains("reader-1", output.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(0, refused);
    }

    [Fact]
    public async Task NoOrUnknownToken_OnceCredentialsAreConfigured_EveryServiceSaysUnauthenticated()
    {
        Assert.Equal(StatusCode.Unauthenticated, await StatusOf(() => Devices.ListDevicesAsync(new ListDevicesRequest(), cancellationToken: Timeout).ResponseAsync));
        Assert.Equal(StatusCode.Unauthenticated, await StatusOf(() => new Health.HealthClient(_gateway.Channel).CheckAsync(new HealthCheckRequest(), cancellationToken: Timeout).ResponseAsync));
        Assert.Equal(StatusCode.Unauthenticated, await Watch(null));
        Assert.Equal(StatusCode.Unauthenticated, await StatusOf(() => Devices.ListDevicesAsync(new ListDevicesRequest(), As(BoothToken + "0"), cancellationToken: Timeout).ResponseAsync));
    }

    [Fact]
    public async Task Technician_ControlsDevicesButReadsNoCaptureOrSession()
    {
        Assert.Equal(StatusCode.OK, await StatusOf(() => Devices.ListDevicesAsync(new ListDevicesRequest(), As(TechnicianToken), cancellationToken: Timeout).ResponseAsync));
        Assert.Equal(StatusCode.OK, await StatusOf(() => Devices.ListDriversAsync(new ListDriversRequest(), As(TechnicianToken), cancellationToken: Timeout).ResponseAsync));
        // Let through to the device, which answers that it is in service already.
        Assert.Equal(StatusCode.FailedPrecondition, await StatusOf(() =>
            Devices.EnableDeviceAsync(new EnableDeviceRequest { DeviceId = "reader-1" }, As(TechnicianToken), cancellationToken: Timeout).ResponseAsync));

        Assert.Equal(StatusCode.PermissionDenied, await Watch(TechnicianToken));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(() =>
            Captures.TriggerCaptureAsync(new TriggerCaptureRequest { DeviceId = "reader-1" }, As(TechnicianToken), cancellationToken: Timeout).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(() =>
            new SessionService.SessionServiceClient(_gateway.Channel).GetRecordAsync(new GetRecordRequest { RecordId = "x" }, As(TechnicianToken), cancellationToken: Timeout).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(async () =>
        {
            using var session = new SessionService.SessionServiceClient(_gateway.Channel).RunSession(As(TechnicianToken), cancellationToken: Timeout);
            try
            {
                await session.RequestStream.WriteAsync(new SessionCommand { Start = new StartSession { BoothId = "booth-1" } });
            }
            catch (Exception e) when (e is RpcException or InvalidOperationException)
            {
                // The gateway may refuse the call before the client's first message is written (the write then fails
                // with whatever ended the stream); the status the call ended with is read below either way.
            }

            await session.ResponseStream.MoveNext(Timeout);
        }));
    }

    [Fact]
    public async Task Booth_ReadsAndAcknowledgesCapturesButControlsNoDevice()
    {
        Assert.Equal(StatusCode.OK, await Watch(BoothToken));
        var capture = await Captures.TriggerCaptureAsync(new TriggerCaptureRequest { DeviceId = "reader-1" }, As(BoothToken), cancellationToken: Timeout);
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(() =>
            Devices.EnableDeviceAsync(new EnableDeviceRequest { DeviceId = "reader-1" }, As(BoothToken), cancellationToken: Timeout).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(() => Devices.ListDriversAsync(new ListDriversRequest(), As(BoothToken), cancellationToken: Timeout).ResponseAsync));

        // Only the configured consumer's acknowledgement releases the capture.
        var byAdmin = await Captures.AcknowledgeAsync(new AcknowledgeRequest { CaptureIds = { capture.Id } }, As(AdminToken), cancellationToken: Timeout);
        var byBooth = await Captures.AcknowledgeAsync(new AcknowledgeRequest { CaptureIds = { capture.Id } }, As(BoothToken), cancellationToken: Timeout);
        Assert.Equal(0U, byAdmin.Released);
        Assert.Equal(1U, byBooth.Released);
    }
}
