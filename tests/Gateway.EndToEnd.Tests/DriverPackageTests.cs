using System.Text.Json.Nodes;
using Gateway.Contracts.V1;
using Grpc.Core;
using Grpc.Health.V1;

namespace Gateway.EndToEnd.Tests;

/// <summary>Driver packages through the real gateway: a third-party package dropped into a folder, and broken ones quarantined.</summary>
public sealed class DriverPackageTests : IDisposable
{
    private static readonly string Built = Path.Combine(AppContext.BaseDirectory, "testdrivers");
    private readonly DirectoryInfo _extra = Directory.CreateTempSubdirectory("gateway-extra-drivers-");

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    public void Dispose() => _extra.Delete(recursive: true);

    /// <summary>Copies a built package into the extra drivers folder, as an integrator drops it next to the gateway.</summary>
    private string Drop(string package, string? folderName = null)
    {
        var source = Path.Combine(Built, package);
        var target = Path.Combine(_extra.FullName, folderName ?? package);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    private string[] DriverPaths => ["--Gateway:Drivers:Paths:0", "drivers", "--Gateway:Drivers:Paths:1", _extra.FullName];

    [Fact]
    public async Task SamplePackage_CopiedIntoADriversFolder_DeliversVerifiedDocuments()
    {
        Drop("Gateway.Drivers.Sample", "acme-docuscan");
        var hotFolder = _extra.CreateSubdirectory("docuscan-output");
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("reader-1", "acme-docuscan", new { Folder = hotFolder.FullName, PollInterval = "00:00:00.020" })],
            DriverPaths);
        var captures = new CaptureService.CaptureServiceClient(gateway.Channel);
        var devices = new DeviceService.DeviceServiceClient(gateway.Channel);
        using var watch = captures.WatchCaptures(new WatchCapturesRequest(), cancellationToken: Timeout);

        await File.WriteAllTextAsync(
            Path.Combine(hotFolder.FullName, "0001.mrz"),
            "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\n");

        Assert.True(await watch.ResponseStream.MoveNext(Timeout));
        var capture = watch.ResponseStream.Current;
        Assert.Equal("reader-1", capture.DeviceId);
        Assert.Equal("L898902C3", capture.Document.Fields.DocumentNumber);
        Assert.True(capture.Verified);
        var packages = (await devices.ListDriversAsync(new ListDriversRequest(), cancellationToken: Timeout)).Drivers;
        var sample = Assert.Single(packages, p => p.Id == "acme-docuscan");
        Assert.Equal(DriverPackageState.Loaded, sample.State);
        Assert.Equal("acme-docuscan", Assert.Single(sample.Provides).Name);
        Assert.Contains(packages, p => p.Id == "simulated" && p.State == DriverPackageState.Loaded);
    }

    [Fact]
    public async Task BrokenPackages_AreQuarantinedWithTheirReason_AndTheGatewayStaysHealthy()
    {
        Drop("Gateway.TestDrivers.Misbehaving");
        var mismatched = Drop("Gateway.TestDrivers.Alpha", "alpha-for-contract-2");
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(mismatched, "driver.json")))!;
        manifest["contract"] = 2;
        await File.WriteAllTextAsync(Path.Combine(mismatched, "driver.json"), manifest.ToJsonString());
        var incomplete = Drop("Gateway.TestDrivers.Beta", "beta-without-its-library");
        File.Delete(Path.Combine(incomplete, "Gateway.TestDrivers.Lib.dll"));

        await using var gateway = await RunningGateway.StartAsync(
            [
                RunningGateway.Device("reader-1", "simulated-document"),
                RunningGateway.Device("throws-1", "test-throws", new { }),
                RunningGateway.Device("hangs-1", "test-hangs-on-stop", new { }),
                RunningGateway.Device("old-1", "test-alpha", new { }),
                RunningGateway.Device("incomplete-1", "test-beta", new { }),
            ],
            [.. DriverPaths, "--Gateway:Supervisor:DisableAfterFailures", "3", "--Gateway:Supervisor:StopTimeout", "00:00:00.300"]);
        var devices = new DeviceService.DeviceServiceClient(gateway.Channel);

        var reasons = await ReasonsOnceSettledAsync(devices, ["throws-1", "hangs-1", "old-1", "incomplete-1"]);

        Assert.Equal("device.disabled", reasons["throws-1"]);
        Assert.Equal("driver.stop_timeout", reasons["hangs-1"]);
        Assert.Equal("driver.contract_mismatch", reasons["old-1"]);
        Assert.Equal("driver.dependency_missing", reasons["incomplete-1"]);
        var reader = await devices.GetDeviceAsync(new GetDeviceRequest { DeviceId = "reader-1" }, cancellationToken: Timeout);
        Assert.Equal(DeviceState.Ready, reader.State);
        var health = await new Health.HealthClient(gateway.Channel).CheckAsync(new HealthCheckRequest(), cancellationToken: Timeout);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await devices.EnableDeviceAsync(new EnableDeviceRequest { DeviceId = "old-1" }, cancellationToken: Timeout));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        var (code, output) = await GatewayCtlAsync("--address", gateway.Address.ToString(), "devices", "enable", "throws-1");
        Assert.Equal(0, code);
        Assert.Equal("throws-1: starting", output.Trim());

        (code, output) = await GatewayCtlAsync("--address", gateway.Address.ToString(), "drivers", "list", "--json");
        Assert.Equal(0, code);
        var listed = output.Trim().Split('\n').Select(l => JsonNode.Parse(l)!).ToList();
        var old = Assert.Single(listed, p => (string?)p["folder"] == mismatched);
        Assert.Equal("DRIVER_PACKAGE_STATE_MALFUNCTIONED", (string?)old["state"]);
        Assert.Equal("driver.contract_mismatch", (string?)old["reasonCode"]);
        Assert.Contains(listed, p => (string?)p["id"] == "simulated" && (string?)p["state"] == "DRIVER_PACKAGE_STATE_LOADED");
    }

    private static async Task<(int Code, string Output)> GatewayCtlAsync(params string[] args)
    {
        using var output = new StringWriter();
        var code = await Cli.GatewayCtl.RunAsync(args, new Cli.Console(TextReader.Null, output, output));
        return (code, output.ToString());
    }

    /// <summary>Watches device events until every named device is Malfunctioned, and returns their reason codes.</summary>
    private static async Task<Dictionary<string, string>> ReasonsOnceSettledAsync(DeviceService.DeviceServiceClient devices, string[] ids)
    {
        var reasons = new Dictionary<string, string>();
        using var watch = devices.WatchDevices(new WatchDevicesRequest(), cancellationToken: Timeout);
        while (reasons.Count < ids.Length && await watch.ResponseStream.MoveNext(Timeout))
        {
            if (watch.ResponseStream.Current.StateChanged?.Device is { State: DeviceState.Malfunctioned } device && ids.Contains(device.Id))
            {
                reasons[device.Id] = device.ReasonCode;
            }
        }

        return reasons;
    }
}
