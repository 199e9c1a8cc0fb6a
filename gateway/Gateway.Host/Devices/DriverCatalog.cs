using System.Diagnostics.CodeAnalysis;
using Gateway.Drivers;

namespace Gateway.Host.Devices;

/// <summary>The driver factories the gateway knows, by driver name (case-insensitive).</summary>
internal sealed class DriverCatalog
{
    private readonly Dictionary<string, IDriverFactory> _factories;

    public DriverCatalog(IEnumerable<IDriverFactory> factories)
    {
        _factories = new Dictionary<string, IDriverFactory>(StringComparer.OrdinalIgnoreCase);
        foreach (var factory in factories)
        {
            if (!_factories.TryAdd(factory.Name, factory))
            {
                throw new InvalidOperationException($"Two driver factories are named '{factory.Name}'.");
            }
        }
    }

    public IEnumerable<string> Names => _factories.Keys.Order(StringComparer.Ordinal);

    public bool TryGet(string name, [NotNullWhen(true)] out IDriverFactory? factory) =>
        _factories.TryGetValue(name, out factory);

    public IDriverFactory Get(string name) =>
        _factories.TryGetValue(name, out var factory) ? factory : throw new KeyNotFoundException($"Unknown driver '{name}'.");
}
