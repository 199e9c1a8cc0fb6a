using System.Net;
using Gateway.Host.Configuration;

namespace Gateway.Host.Security;

/// <summary>
/// Plaintext only on loopback: every Kestrel endpoint bound to another address must be <c>https</c> with a certificate
/// from configuration, or the gateway refuses to start and says which key to fix.
/// </summary>
internal static class TransportPolicy
{
    /// <exception cref="GatewayConfigurationException">An endpoint is reachable from the network without TLS.</exception>
    public static void Check(IConfiguration configuration)
    {
        var defaultCertificate = configuration.GetSection("Kestrel:Certificates:Default").GetChildren().Any();
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is not { Length: > 0 } url)
            {
                continue;
            }

            var hasCertificate = defaultCertificate || endpoint.GetSection("Certificate").GetChildren().Any();
            Check(url, hasCertificate, $"{endpoint.Path}:Url");
        }

        foreach (var url in (configuration["urls"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Check(url, defaultCertificate, "urls");
        }
    }

    /// <summary>True for a host that only this machine can reach: <c>localhost</c>, 127.0.0.0/8, <c>::1</c>.</summary>
    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static void Check(string url, bool hasCertificate, string key)
    {
        var (scheme, host) = Split(url);
        if (IsLoopback(host))
        {
            return;
        }

        if (!scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            throw new GatewayConfigurationException(
                $"{key}: '{url}' is reachable from the network without TLS. Bind to 127.0.0.1, or use https:// with a certificate "
                + "(Kestrel:Endpoints:NAME:Certificate:Path and :Password, or Kestrel:Certificates:Default).");
        }

        if (!hasCertificate)
        {
            throw new GatewayConfigurationException(
                $"{key}: '{url}' needs a server certificate: set Kestrel:Endpoints:NAME:Certificate:Path (and :Password) or Kestrel:Certificates:Default.");
        }
    }

    private static (string Scheme, string Host) Split(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd < 0 ? "http" : url[..schemeEnd];
        var rest = schemeEnd < 0 ? url : url[(schemeEnd + 3)..];
        rest = rest.Split('/')[0];
        // "[::1]:5000", "127.0.0.1:5000", "*:5000", "host"
        var host = rest.StartsWith('[') ? rest[..(rest.IndexOf(']') + 1)] : rest.Split(':')[0];
        return (scheme, host);
    }
}
