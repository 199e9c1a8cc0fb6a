namespace Gateway.Host.Hosting;

/// <summary>
/// A small HTTP/1.1 server on a port of its own beside the gRPC endpoint (the diagnostics page, the Prometheus scrape
/// endpoint): the booth client's port never serves it, and its port never serves gRPC. It shares the gateway's services,
/// starts and stops with it, and a port already taken costs this server, never the gateway.
/// </summary>
internal abstract class SidePortServer : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The address served once started (the real port when configured with port 0); null when off or failed.</summary>
    public Uri? Address { get; private set; }

    /// <summary>The URL to serve (its path is the path served), or empty when this server is off.</summary>
    protected abstract string Url { get; }

    /// <summary>Maps the server's endpoints.</summary>
    /// <param name="app">The server.</param>
    /// <param name="path">The configured URL's path.</param>
    protected abstract void Map(WebApplication app, string path);

    /// <summary>Logs that the server listens at <paramref name="address"/>.</summary>
    protected abstract void LogListening(Uri address);

    /// <summary>Logs that the server could not listen at <paramref name="url"/> (the port is taken).</summary>
    protected abstract void LogFailed(string url, IOException exception);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configured = Url;
        if (configured.Length == 0)
        {
            return;
        }

        var url = new Uri(configured);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });

        // Its own configuration is empty: the gateway's Kestrel section (the gRPC endpoint) must not be bound twice.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url.GetLeftPart(UriPartial.Authority));
        _app = builder.Build();
        Map(_app, url.AbsolutePath);
        try
        {
            await _app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            // The port is taken (another gateway, another program): the booth keeps working without this server.
            LogFailed(configured, ex);
            await _app.DisposeAsync();
            _app = null;
            return;
        }

        Address = new Uri(new Uri(_app.Urls.First()), url.AbsolutePath);
        LogListening(Address);
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
