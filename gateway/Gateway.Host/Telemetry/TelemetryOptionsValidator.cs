using Gateway.Host.Security;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Telemetry;

/// <summary>
/// Checks <c>Gateway:Telemetry</c> at start: the scrape endpoint must be an http URL on a loopback address unless
/// <c>AllowRemote</c> says otherwise, so metrics are never served to the network by accident; the OTLP settings must be
/// usable.
/// </summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var errors = new List<string>();
        const string section = TelemetryOptions.Section;
        if (options.PrometheusUrl.Length > 0)
        {
            if (!Uri.TryCreate(options.PrometheusUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp)
            {
                errors.Add($"{section}:PrometheusUrl: '{options.PrometheusUrl}' is not an http URL such as http://127.0.0.1:9464/metrics (empty turns it off).");
            }
            else if (!options.AllowRemote && !TransportPolicy.IsLoopback(url.Host))
            {
                errors.Add($"{section}:PrometheusUrl: '{options.PrometheusUrl}' is not a loopback address; set {section}:AllowRemote to true to serve metrics to the network.");
            }
        }

        var otlp = options.Otlp;
        if (otlp.Endpoint.Length > 0
            && (!Uri.TryCreate(otlp.Endpoint, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"{section}:Otlp:Endpoint: '{otlp.Endpoint}' is not an http(s) URL such as http://collector:4317 (empty turns OTLP off).");
        }

        if (otlp.Protocol is not ("grpc" or "http"))
        {
            errors.Add($"{section}:Otlp:Protocol: '{otlp.Protocol}' is neither grpc nor http.");
        }

        if (otlp.Headers.Length > 0 && otlp.Headers.Split(',').Any(h => h.IndexOf('=', StringComparison.Ordinal) <= 0))
        {
            errors.Add($"{section}:Otlp:Headers: expected key=value pairs separated by commas.");
        }

        if (otlp.Interval < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{section}:Otlp:Interval: must be at least 1 second.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
