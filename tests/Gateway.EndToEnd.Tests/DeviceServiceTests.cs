using System.Net;
using System.Net.Sockets;
using Gateway.Contracts.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace Gateway.EndToEnd.Tests;

public sealed class DeviceServiceTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task ListDevices_ReturnsTheDevicesOfTheDevicesFileInOrder()
    {
        await using var gateway = await RunningGateway.StartAsync(
        [
            RunningGateway.Device("reader-1", "simulated-document"),
            RunningGateway.Device("camera-1", "simulated-camera"),
            RunningGateway.Device("fingerprint-1", "simulated-fingerprint"),
            RunningGateway.Device("barcode-1", "simulated-barcode"),
        ]);
        var client = new DeviceService.DeviceServiceClient(gateway.Channel);

        var devices = (await client.ListDevicesAsync(new ListDevicesRequest(), cancellationToken: Timeout)).Devices;

        Assert.Equal(["reader-1", "camera-1", "fingerprint-1", "barcode-1"], devices.Select(d => d.Id));
        Assert.Equal(
            [DeviceClass.DocumentReader, DeviceClass.Camera, DeviceClass.FingerprintScanner, DeviceClass.BarcodeScanner],
            devices.Select(d => d.DeviceClass));
        var camera = await client.GetDeviceAsync(new GetDeviceRequest { DeviceId = "camera-1" }, cancellationToken: Timeout);
        Assert.Equal("simulated-camera", camera.Driver);
        Assert.Equal(CaptureKind.Portrait, camera.TriggerKinds[0]);
    }

    [Fact]
    public async Task GetDevice_UnknownId_IsNotFound()
    {
        await using var gateway = await RunningGateway.StartAsync([RunningGateway.Device("reader-1", "simulated-document")]);
        var client = new DeviceService.DeviceServiceClient(gateway.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.GetDeviceAsync(new GetDeviceRequest { DeviceId = "ghost" }, cancellationToken: Timeout));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("ghost", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchDevices_FaultedDevice_IsRestartedWhileTheOthersStayReady()
    {
        await using var gateway = await RunningGateway.StartAsync(
        [
            RunningGateway.Device("flaky-1", "simulated-document", new { IntervalSeconds = 0.02, FailAfterCaptures = 1 }),
            RunningGateway.Device("camera-1", "simulated-camera"),
        ]);
        var client = new DeviceService.DeviceServiceClient(gateway.Channel);
        using var watch = client.WatchDevices(new WatchDevicesRequest { DeviceId = "flaky-1" }, cancellationToken: Timeout);

        var seen = new List<DeviceState>();
        Device? restarted = null;
        while (restarted is null && await watch.ResponseStream.MoveNext(Timeout))
        {
            var device = watch.ResponseStream.Current.StateChanged.Device;
            seen.Add(device.State);
            if (device.State == DeviceState.Ready && seen.Contains(DeviceState.Faulted))
            {
                restarted = device;
            }
        }

        Assert.NotNull(restarted);
        Assert.True(restarted.Restarts >= 1);
        var faulted = seen.IndexOf(DeviceState.Faulted);
        Assert.Equal(DeviceState.Starting, seen[faulted + 1]);
        var camera = await client.GetDeviceAsync(new GetDeviceRequest { DeviceId = "camera-1" }, cancellationToken: Timeout);
        Assert.Equal(DeviceState.Ready, camera.State);
        Assert.Equal(0u, camera.Restarts);
    }

    [Fact]
    public async Task Health_AnswersServing_AndReflectionListsTheServices()
    {
        await using var gateway = await RunningGateway.StartAsync([RunningGateway.Device("reader-1", "simulated-document")]);

        var health = await new Health.HealthClient(gateway.Channel).CheckAsync(new HealthCheckRequest(), cancellationToken: Timeout);
        using var reflection = new ServerReflection.ServerReflectionClient(gateway.Channel).ServerReflectionInfo(cancellationToken: Timeout);
        await reflection.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await reflection.RequestStream.CompleteAsync();
        Assert.True(await reflection.ResponseStream.MoveNext(Timeout));
        var services = reflection.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Contains("gateway.v1.DeviceService", services);
        Assert.Contains("gateway.v1.CaptureService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task Start_DiagnosticsAndMetricsPortTaken_CostsThoseServersOnly()
    {
        // Another program holds the port: the diagnostics page and the scrape endpoint are lost, the booth's service is not.
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("reader-1", "simulated-document")],
            "--Gateway:Diagnostics:Url", $"http://127.0.0.1:{port}",
            "--Gateway:Telemetry:PrometheusUrl", $"http://127.0.0.1:{port}/metrics");

        var health = await new Health.HealthClient(gateway.Channel).CheckAsync(new HealthCheckRequest(), cancellationToken: Timeout);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Null(gateway.DiagnosticsAddress);
        Assert.Null(gateway.MetricsAddress);
    }

    [Fact]
    public async Task Start_UnknownDriver_RefusesToStartNamingTheKey()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(async () =>
        {
            await using var gateway = await RunningGateway.StartAsync([RunningGateway.Device("reader-1", "acme-9000")]);
        });

        Assert.Contains(error.Failures, f => f.StartsWith("Gateway:Devices:0:Driver: unknown driver 'acme-9000'", StringComparison.Ordinal));
    }
}
