using Gateway.Host.Configuration;

namespace Gateway.Host.Security;

/// <summary>Checks <c>Gateway:Security</c> and <c>Gateway:Journal:Consumers</c>; every message names its key.</summary>
internal static class SecurityValidation
{
    public static IEnumerable<string> Validate(GatewayOptions options)
    {
        var section = $"{GatewayOptions.Section}:Security";
        var identities = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Security.Tokens.Count; i++)
        {
            var token = options.Security.Tokens[i];
            foreach (var error in Credential($"{section}:Tokens:{i}", token.Identity, token.Role))
            {
                yield return error;
            }

            if (token.Sha256.Length != 64 || !token.Sha256.All(Uri.IsHexDigit))
            {
                yield return $"{section}:Tokens:{i}:Sha256: must be the 64 hex digits of the token's SHA-256 (printf %s TOKEN | sha256sum).";
            }

            identities.Add(token.Identity);
        }

        for (var i = 0; i < options.Security.ClientCertificates.Count; i++)
        {
            var certificate = options.Security.ClientCertificates[i];
            foreach (var error in Credential($"{section}:ClientCertificates:{i}", certificate.Identity, certificate.Role))
            {
                yield return error;
            }

            if (Authenticator.Normalize(certificate.Thumbprint).Length != 64)
            {
                yield return $"{section}:ClientCertificates:{i}:Thumbprint: must be the certificate's SHA-256 thumbprint (64 hex digits).";
            }

            identities.Add(certificate.Identity);
        }

        foreach (var consumer in options.Journal.Consumers.Where(c => options.Security.AnyCredential ? !identities.Contains(c) : c != Caller.Local.Identity))
        {
            yield return $"{GatewayOptions.Section}:Journal:Consumers: '{consumer}' is not an identity of {section} (with no credential configured, the only caller is 'local').";
        }
    }

    private static IEnumerable<string> Credential(string path, string identity, Role role)
    {
        if (string.IsNullOrWhiteSpace(identity))
        {
            yield return $"{path}:Identity: is required.";
        }

        if (role == Role.None)
        {
            yield return $"{path}:Role: must be booth, technician or admin.";
        }
    }
}
