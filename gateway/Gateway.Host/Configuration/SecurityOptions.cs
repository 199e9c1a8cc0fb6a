using Gateway.Host.Security;

namespace Gateway.Host.Configuration;

/// <summary>
/// The <c>Gateway:Security</c> section: the callers the gateway knows. With none configured, only callers on the
/// loopback interface are let in, as <see cref="Role.Admin"/>; with any, every call must authenticate.
/// </summary>
internal sealed class SecurityOptions
{
    /// <summary>API tokens, sent as <c>authorization: Bearer TOKEN</c>; only their SHA-256 is configured.</summary>
    public List<TokenCredential> Tokens { get; set; } = [];

    /// <summary>TLS client certificates (mTLS), pinned by their SHA-256 thumbprint.</summary>
    public List<CertificateCredential> ClientCertificates { get; set; } = [];

    /// <summary>True when any credential is configured, so every call must authenticate.</summary>
    public bool AnyCredential => Tokens.Count > 0 || ClientCertificates.Count > 0;
}

/// <summary>An API token: the caller it stands for and the hex SHA-256 of the token (never the token itself).</summary>
internal sealed class TokenCredential
{
    /// <summary>The caller's name in the audit log and in <c>Gateway:Journal:Consumers</c>, e.g. <c>booth-7</c>.</summary>
    public string Identity { get; set; } = string.Empty;

    /// <summary>The caller's role.</summary>
    public Role Role { get; set; }

    /// <summary>Hex SHA-256 of the token's UTF-8 bytes (64 hex digits).</summary>
    public string Sha256 { get; set; } = string.Empty;
}

/// <summary>A client certificate: the caller it stands for and its SHA-256 thumbprint.</summary>
internal sealed class CertificateCredential
{
    /// <summary>The caller's name in the audit log and in <c>Gateway:Journal:Consumers</c>.</summary>
    public string Identity { get; set; } = string.Empty;

    /// <summary>The caller's role.</summary>
    public Role Role { get; set; }

    /// <summary>Hex SHA-256 thumbprint of the certificate (64 hex digits; colons and spaces are ignored).</summary>
    public string Thumbprint { get; set; } = string.Empty;
}
