using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Gateway.Host.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Security;

/// <summary>
/// Finds who is calling from the TLS client certificate (pinned by SHA-256 thumbprint) or the bearer token (compared by
/// SHA-256, in constant time). Tokens are long random strings, so a plain SHA-256 is enough to keep them safe at rest: a
/// slow password hash only matters for guessable secrets. With no credential configured, callers on loopback are
/// <see cref="Caller.Local"/>; nobody else is let in.
/// </summary>
internal sealed class Authenticator
{
    private readonly (byte[] Hash, Caller Caller)[] _tokens;
    private readonly Dictionary<string, Caller> _certificates;
    private readonly bool _open;

    public Authenticator(IOptions<GatewayOptions> options)
    {
        var security = options.Value.Security;
        _open = !security.AnyCredential;
        _tokens = [.. security.Tokens.Select(t => (Convert.FromHexString(t.Sha256), new Caller(t.Identity, t.Role)))];
        _certificates = security.ClientCertificates.ToDictionary(c => Normalize(c.Thumbprint), c => new Caller(c.Identity, c.Role), StringComparer.Ordinal);
    }

    /// <summary>The caller, or null when the call carries no credential the gateway knows.</summary>
    public Caller? Authenticate(X509Certificate2? certificate, string? authorization, IPAddress? remote)
    {
        if (certificate is not null && _certificates.TryGetValue(Thumbprint(certificate), out var byCertificate))
        {
            return byCertificate;
        }

        if (authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(authorization["Bearer ".Length..].Trim()));
            foreach (var (expected, caller) in _tokens)
            {
                if (CryptographicOperations.FixedTimeEquals(hash, expected))
                {
                    return caller;
                }
            }
        }

        return _open && remote is not null && IPAddress.IsLoopback(remote) ? Caller.Local : null;
    }

    /// <summary>The hex SHA-256 thumbprint of <paramref name="certificate"/>, as configured in <c>Gateway:Security:ClientCertificates</c>.</summary>
    public static string Thumbprint(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);

    /// <summary>Upper-case hex without separators.</summary>
    public static string Normalize(string thumbprint) =>
        new([.. thumbprint.Where(Uri.IsHexDigit).Select(char.ToUpperInvariant)]);
}
