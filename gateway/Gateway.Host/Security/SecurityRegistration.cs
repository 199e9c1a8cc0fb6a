using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Gateway.Host.Security;

/// <summary>Transport rules, authentication and the audit log.</summary>
internal static class SecurityRegistration
{
    /// <exception cref="Configuration.GatewayConfigurationException">An endpoint is reachable from the network without TLS.</exception>
    public static WebApplicationBuilder AddGatewaySecurity(this WebApplicationBuilder builder)
    {
        TransportPolicy.Check(builder.Configuration);
        builder.Services.AddSingleton<Authenticator>();
        builder.Services.AddSingleton<Audit>();
        if (builder.Configuration.GetSection("Gateway:Security:ClientCertificates").GetChildren().Any())
        {
            // Client certificates are pinned by thumbprint (Authenticator), so self-signed booth certificates need no
            // CA; TLS still proves the client holds the certificate's private key.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
            {
                https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                https.AllowAnyClientCertificate();
            }));
        }

        return builder;
    }
}
