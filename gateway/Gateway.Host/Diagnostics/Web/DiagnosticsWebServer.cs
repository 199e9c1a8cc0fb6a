using Microsoft.Extensions.Options;

namespace Gateway.Host.Diagnostics.Web;

/// <summary>
/// Serves the diagnostics page on its own port (<c>Gateway:Diagnostics:Url</c>, HTTP/1.1), apart from the gRPC
/// endpoint: the booth client's port never serves the page, and the page's port never serves gRPC. It shares the
/// gateway's services (devices, statistics, health checks) and stops with it.
/// </summary>
internal sealed class DiagnosticsWebServer(IServiceProvider services, IOptions<DiagnosticsOptions> options, ILogger<DiagnosticsWebServer> logger)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The address the page listens on once started (the real port when configured with port 0); null when off.</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var diagnostics = options.Value;
        if (diagnostics.Url.Length == 0)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });

        // Its own configuration is empty: the gateway's Kestrel section (the gRPC endpoint) must not be bound twice.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(diagnostics.Url);
        _app = builder.Build();
        DiagnosticsEndpoints.Map(_app, services, diagnostics);
        try
        {
            await _app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            // The port is taken (another gateway, another program): the booth keeps working without its page.
            Log.DiagnosticsPageFailed(logger, diagnostics.Url, ex);
            await _app.DisposeAsync();
            _app = null;
            return;
        }

        Address = new Uri(_app.Urls.First());
        Log.DiagnosticsPageListening(logger, Address.ToString(), diagnostics.TechnicianKey.Length > 0 ? "technician key configured" : "read-only");
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
