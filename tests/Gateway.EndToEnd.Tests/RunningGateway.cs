using System.Text.Json;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.EndToEnd.Tests;

/// <summary>The real gateway host on a loopback port chosen by the system, with the devices a test gives it.</summary>
internal sealed class RunningGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _devicesFile;
    private readonly string _dataFolder;

    private RunningGateway(WebApplication app, string devicesFile, string dataFolder, Uri address)
    {
        _app = app;
        _devicesFile = devicesFile;
        _dataFolder = dataFolder;
        Address = address;
        Channel = GrpcChannel.ForAddress(address);
    }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    /// <summary>This gateway's journal folder.</summary>
    public string DataFolder => _dataFolder;

    /// <summary>The diagnostics page's address; null when the test turned the page off.</summary>
    public Uri? DiagnosticsAddress => _app.Services.GetRequiredService<Host.Diagnostics.Web.DiagnosticsWebServer>().Address;

    /// <summary>The Prometheus scrape URL; null when the test turned it off.</summary>
    public Uri? MetricsAddress => _app.Services.GetService<Host.Telemetry.PrometheusEndpoint>()?.Address;

    /// <summary>Starts the gateway with <paramref name="devices"/> given through <c>--devices FILE</c>, as a booth would.</summary>
    public static Task<RunningGateway> StartAsync(object[] devices, params string[] extraArgs) =>
        StartAsync(devices, null, extraArgs);

    /// <summary>Starts the gateway with in-process services added by the test (scripted drivers).</summary>
    public static async Task<RunningGateway> StartAsync(object[] devices, Action<WebApplicationBuilder>? configure, params string[] extraArgs)
    {
        var file = Path.Combine(Path.GetTempPath(), $"gateway-devices-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(devices));
        // Each gateway its own journal, as each booth PC has.
        var data = Path.Combine(Path.GetTempPath(), $"gateway-data-{Guid.NewGuid():N}");
        string[] args =
        [
            "--devices", file,
            "--Gateway:Journal:Folder", data,
            "--Gateway:Journal:KeyFile", Path.Combine(data, "journal.key"),
            "--Kestrel:Endpoints:Grpc:Url", "http://127.0.0.1:0",
            "--Gateway:Supervisor:InitialBackoff", "00:00:00.050",
            // Every test's own diagnostics page port and statistics file, so gateways in parallel never share them.
            "--Gateway:Diagnostics:Url", "http://127.0.0.1:0",
            "--Gateway:Diagnostics:StatisticsPath", Path.ChangeExtension(file, ".statistics.json"),
            "--Gateway:Telemetry:PrometheusUrl", "http://127.0.0.1:0/metrics",
            "--Logging:LogLevel:Default", "Warning",
            .. extraArgs,
        ];
        var app = Host.GatewayApplication.Build(args, configure);
        await app.StartAsync();
        return new RunningGateway(app, file, data, new Uri(app.Urls.Single()));
    }

    public static object Device(string id, string driver, object? settings = null) =>
        new { Id = id, Driver = driver, Settings = settings ?? new { IntervalSeconds = 0 } };

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        File.Delete(_devicesFile);
        File.Delete(Path.ChangeExtension(_devicesFile, ".statistics.json"));
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }
}
