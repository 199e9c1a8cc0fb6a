using Gateway.Host.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Tests;

/// <summary>Gateway options built from key/value pairs, as configuration would give them.</summary>
internal static class TestOptions
{
    public static IConfigurationRoot Configuration(params (string Key, string? Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => KeyValuePair.Create(p.Key, p.Value))).Build();

    public static IOptions<GatewayOptions> Gateway(Action<GatewayOptions>? configure = null, params (string Key, string? Value)[] devices)
    {
        var configuration = Configuration(devices);
        var options = new GatewayOptions { Devices = DeviceList.Load(configuration) };
        configure?.Invoke(options);
        return Options.Create(options);
    }
}
