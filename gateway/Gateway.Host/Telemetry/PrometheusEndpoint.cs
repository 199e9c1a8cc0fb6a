using Gateway.Host.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Gateway.Host.Telemetry;

/// <summary>The Prometheus scrape endpoint on its own port (<c>Gateway:Telemetry:PrometheusUrl</c>), as the diagnostics page is.</summary>
internal sealed class PrometheusEndpoint(IServiceProvider services, IOptions<TelemetryOptions> options, ILogger<PrometheusEndpoint> logger)
    : SidePortServer
{
    protected override string Url => options.Value.Enabled ? options.Value.PrometheusUrl : string.Empty;

    protected override void Map(WebApplication app, string path) =>
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            services.GetRequiredService<MeterProvider>(), predicate: null, path: path, configureBranchedPipeline: null, optionsName: null);

    protected override void LogListening(Uri address) => Log.MetricsEndpointListening(logger, address.ToString());

    protected override void LogFailed(string url, IOException exception) => Log.MetricsEndpointFailed(logger, url, exception);
}
