using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Gateway.Host.Telemetry;

/// <summary>
/// Serves the Prometheus scrape endpoint on its own port (<c>Gateway:Telemetry:PrometheusUrl</c>, HTTP/1.1), apart from
/// the gRPC endpoint, as the diagnostics page is. A port already taken costs the endpoint, never the gateway.
/// </summary>
internal sealed class PrometheusEndpoint(IServiceProvider services, IOptions<TelemetryOptions> options, ILogger<PrometheusEndpoint> logger)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The scrape URL once started (the real port when configured with port 0); null when off.</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var telemetry = options.Value;
        if (!telemetry.Enabled || telemetry.PrometheusUrl.Length == 0)
        {
            return;
        }

        var url = new Uri(telemetry.PrometheusUrl);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });

        // Its own configuration is empty: the gateway's Kestrel section (the gRPC endpoint) must not be bound twice.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url.GetLeftPart(UriPartial.Authority));
        _app = builder.Build();
        _app.UseOpenTelemetryPrometheusScrapingEndpoint(
            services.GetRequiredService<MeterProvider>(), predicate: null, path: url.AbsolutePath, configureBranchedPipeline: null, optionsName: null);
        try
        {
            await _app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            Log.MetricsEndpointFailed(logger, telemetry.PrometheusUrl, ex);
            await _app.DisposeAsync();
            _app = null;
            return;
        }

        Address = new Uri(new Uri(_app.Urls.First()), url.AbsolutePath);
        Log.MetricsEndpointListening(logger, Address.ToString());
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
