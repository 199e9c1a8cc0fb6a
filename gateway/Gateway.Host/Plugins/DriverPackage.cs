using Gateway.Drivers;

namespace Gateway.Host.Plugins;

/// <summary>A driver package the gateway found: loaded with its factories, or malfunctioned with the reason.</summary>
internal sealed class DriverPackage
{
    private DriverPackage(string folder, DriverManifest? manifest, IReadOnlyList<IDriverFactory> factories, string reasonCode, string reason, DriverLoadContext? context = null)
    {
        LoadContext = context;
        Folder = folder;
        Manifest = manifest;
        Factories = factories;
        ReasonCode = reasonCode;
        Reason = reason;
    }

    public string Id => Manifest?.Id ?? Path.GetFileName(Folder);

    /// <summary>
    /// The package's load context, held for the life of the gateway: a collectible context nobody references is
    /// collected, and the driver's later loads (a dependency first used at capture time) would then fail.
    /// </summary>
    public DriverLoadContext? LoadContext { get; }

    public string Folder { get; }

    public DriverManifest? Manifest { get; }

    public IReadOnlyList<IDriverFactory> Factories { get; }

    public bool Loaded => ReasonCode.Length == 0;

    public string ReasonCode { get; }

    public string Reason { get; }

    /// <summary>The drivers the package provides: from its factories when loaded, else from its manifest.</summary>
    public IEnumerable<ProvidedDriver> Provides => Loaded
        ? Factories.Select(f => new ProvidedDriver(f.Name, f.DeviceClass))
        : Manifest?.Provides ?? [];

    public static DriverPackage Ok(string folder, DriverManifest manifest, IReadOnlyList<IDriverFactory> factories, DriverLoadContext context) =>
        new(folder, manifest, factories, string.Empty, string.Empty, context);

    public static DriverPackage Malfunctioned(string folder, DriverManifest? manifest, string reasonCode, string reason) =>
        new(folder, manifest, [], reasonCode, reason);
}
