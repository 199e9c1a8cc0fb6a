using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Gateway.Contracts.V1;
using Gateway.Drivers;
using Gateway.Host.Configuration;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Diagnostics;

/// <summary>
/// What support needs of this gateway: versions, platform, and the configuration in effect with every secret replaced
/// by <c>***</c>. Only the gateway's own sections are included (the process environment, which configuration also
/// reads, is not).
/// </summary>
internal sealed partial class SupportInformation(IConfiguration configuration, IOptions<GatewayOptions> gateway, TimeProvider time)
{
    public const string Redacted = "***";
    private static readonly string[] Sections = ["Gateway", "Kestrel", "Logging"];
    private static readonly string[] SecretWords = ["password", "secret", "token", "key", "certificate", "credential", "passphrase", "pin", "connectionstring", "headers"];
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    public SupportInfo Get()
    {
        var info = new SupportInfo
        {
            GatewayVersion = typeof(SupportInformation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
            OsDescription = RuntimeInformation.OSDescription,
            FrameworkDescription = RuntimeInformation.FrameworkDescription,
            Architecture = RuntimeInformation.ProcessArchitecture.ToString(),
            MachineName = Environment.MachineName,
            StartedAt = Timestamp.FromDateTimeOffset(_startedAt),
            DriverContract = (uint)DriverContract.Version,
        };
        info.Configuration.AddRange(Configuration());
        return info;
    }

    /// <summary>The gateway's configuration as sorted <c>key=value</c> lines, secrets redacted.</summary>
    public IEnumerable<string> Configuration()
    {
        var lines = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in Sections)
        {
            foreach (var (key, value) in configuration.GetSection(section).AsEnumerable())
            {
                if (value is not null && !key.StartsWith("Gateway:Devices:", StringComparison.OrdinalIgnoreCase))
                {
                    lines[key] = Redact(key, value);
                }
            }
        }

        // The devices in effect (from Gateway:Devices or the --devices file), numbered as they run.
        for (var i = 0; i < gateway.Value.Devices.Count; i++)
        {
            var device = gateway.Value.Devices[i].Section;
            foreach (var (key, value) in device.AsEnumerable(makePathsRelative: true))
            {
                if (value is not null)
                {
                    var name = $"Gateway:Devices:{i}:{key}";
                    lines[name] = Redact(name, value);
                }
            }
        }

        return lines.Select(l => $"{l.Key}={l.Value}");
    }

    /// <summary>The value, or <c>***</c> when its key names a secret anywhere in its path; the user information of a URL is removed either way.</summary>
    public static string Redact(string key, string value)
    {
        // Every segment: Kestrel:Certificates:Default:Path is as secret as the password beside it.
        var name = key.ToLowerInvariant();
        if (SecretWords.Any(word => name.Contains(word, StringComparison.Ordinal)))
        {
            return value.Length == 0 ? value : Redacted;
        }

        return UrlUserInfo().Replace(value, $"$1{Redacted}@");
    }

    // scheme://user:password@host → scheme://***@host (RTSP cameras often carry their login in the URL).
    [GeneratedRegex(@"([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\s]+@")]
    private static partial Regex UrlUserInfo();
}
