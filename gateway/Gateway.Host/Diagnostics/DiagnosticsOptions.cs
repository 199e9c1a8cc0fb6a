
namespace Gateway.Host.Diagnostics;

/// <summary>The <c>Gateway:Diagnostics</c> configuration section: the technician's tools.</summary>
internal sealed class DiagnosticsOptions
{
    public const string Section = "Gateway:Diagnostics";

    /// <summary>
    /// Where the diagnostics web page listens (HTTP/1.1); empty turns it off. Default <c>http://127.0.0.1:5081</c>.
    /// A host other than a loopback address is refused unless <see cref="AllowRemote"/> is set.
    /// </summary>
    public string Url { get; set; } = "http://127.0.0.1:5081";

    /// <summary>Lets the page listen on a non-loopback address. Default false.</summary>
    public bool AllowRemote { get; set; }

    /// <summary>
    /// The technician's credential for the page. Empty (the default): the page is read-only (states, statistics, events,
    /// preview and internal checks). When set, a technician who enters it can also run external and interactive checks.
    /// </summary>
    public string TechnicianKey { get; set; } = string.Empty;

    /// <summary>The device statistics file, relative to the gateway's folder. Default <c>data/device-statistics.json</c>.</summary>
    public string StatisticsPath { get; set; } = "data/device-statistics.json";

    /// <summary>Time limit of an internal or external health check unless the request gives one. Default 15 s.</summary>
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Time limit of an interactive health check (the technician presents something). Default 60 s.</summary>
    public TimeSpan InteractiveTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Log lines kept in memory for <c>gatewayctl diag logs</c> and support bundles. Default 2000.</summary>
    public int LogLines { get; set; } = 2000;
}
