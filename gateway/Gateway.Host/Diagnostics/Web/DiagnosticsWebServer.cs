using Gateway.Host.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Diagnostics.Web;

/// <summary>
/// The diagnostics page on its own port (<c>Gateway:Diagnostics:Url</c>): it shares the gateway's services (devices,
/// statistics, health checks) and stops with it.
/// </summary>
internal sealed class DiagnosticsWebServer(IServiceProvider services, IOptions<DiagnosticsOptions> options, ILogger<DiagnosticsWebServer> logger)
    : SidePortServer
{
    protected override string Url => options.Value.Url;

    protected override void Map(WebApplication app, string path) => DiagnosticsEndpoints.Map(app, services, options.Value);

    protected override void LogListening(Uri address) =>
        Log.DiagnosticsPageListening(logger, address.ToString(), options.Value.TechnicianKey.Length > 0 ? "technician key configured" : "read-only");

    protected override void LogFailed(string url, IOException exception) => Log.DiagnosticsPageFailed(logger, url, exception);
}
