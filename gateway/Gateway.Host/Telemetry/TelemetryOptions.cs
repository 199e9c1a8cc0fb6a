namespace Gateway.Host.Telemetry;

/// <summary>The <c>Gateway:Telemetry</c> configuration section: metrics and traces for fleet monitoring.</summary>
internal sealed class TelemetryOptions
{
    public const string Section = "Gateway:Telemetry";

    /// <summary>Turns every metric and trace export off (the endpoint and OTLP). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Where Prometheus scrapes the metrics (HTTP/1.1, its own port, never the gRPC one); empty turns it off. Default
    /// <c>http://127.0.0.1:9464/metrics</c>. A host other than a loopback address is refused unless
    /// <see cref="AllowRemote"/> is set.
    /// </summary>
    public string PrometheusUrl { get; set; } = "http://127.0.0.1:9464/metrics";

    /// <summary>Lets the scrape endpoint listen on a non-loopback address. Default false.</summary>
    public bool AllowRemote { get; set; }

    /// <summary>The border post this gateway serves, exported as the <c>gateway.post.id</c> resource attribute. Default empty.</summary>
    public string PostId { get; set; } = string.Empty;

    /// <summary>The booth (or PC) at that post, exported as <c>service.instance.id</c>. Default empty: a random id per start.</summary>
    public string BoothId { get; set; } = string.Empty;

    /// <summary>Export to an OpenTelemetry collector. Off unless an endpoint is given.</summary>
    public OtlpOptions Otlp { get; set; } = new();
}

/// <summary>The <c>Gateway:Telemetry:Otlp</c> section: metrics and traces pushed to an OpenTelemetry collector.</summary>
internal sealed class OtlpOptions
{
    /// <summary>
    /// The collector, e.g. <c>http://collector.post.example:4317</c> for gRPC or <c>…:4318</c> for HTTP (the signal paths
    /// <c>/v1/metrics</c> and <c>/v1/traces</c> are added). Default empty: OTLP off.
    /// </summary>
    public string Endpoint { get; set; } = string.Empty;

    /// <summary><c>grpc</c> (default) or <c>http</c> (HTTP/protobuf).</summary>
    public string Protocol { get; set; } = "grpc";

    /// <summary>Headers sent with every export, as <c>key=value</c> pairs separated by commas (a collector's API key). Default empty.</summary>
    public string Headers { get; set; } = string.Empty;

    /// <summary>How often metrics are pushed. Default 60 s.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(60);
}
