using System.Diagnostics.CodeAnalysis;
using Gateway.Drivers;
using Gateway.Host.Plugins;

namespace Gateway.Host.Devices;

/// <summary>
/// The driver factories the gateway knows, by driver name (case-insensitive): those of the driver packages, and any
/// registered in the service container (tests). The first one of a name wins.
/// </summary>
internal sealed class DriverCatalog
{
    private readonly Dictionary<string, IDriverFactory> _factories = new(StringComparer.OrdinalIgnoreCase);

    public DriverCatalog(IEnumerable<IDriverFactory> registered, DriverPackages packages)
    {
        Packages = packages;
        foreach (var factory in registered.Concat(packages.Factories))
        {
            _factories.TryAdd(factory.Name, factory);
        }
    }

    public DriverPackages Packages { get; }

    /// <summary>The names of the drivers that can run (not the malfunctioned ones).</summary>
    public IEnumerable<string> Names => _factories.Where(f => f.Value is not QuarantinedDriverFactory).Select(f => f.Key).Order(StringComparer.Ordinal);

    public bool TryGet(string name, [NotNullWhen(true)] out IDriverFactory? factory) =>
        _factories.TryGetValue(name, out factory);

    public IDriverFactory Get(string name) =>
        _factories.TryGetValue(name, out var factory) ? factory : throw new KeyNotFoundException($"Unknown driver '{name}'.");
}
