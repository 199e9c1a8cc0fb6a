using Gateway.Drivers;

namespace Gateway.Host.Plugins;

/// <summary>The driver packages found at start, in discovery order; a driver name is served by its first package.</summary>
internal sealed class DriverPackages
{
    private DriverPackages(IReadOnlyList<DriverPackage> all) => All = all;

    public IReadOnlyList<DriverPackage> All { get; }

    public static DriverPackages Empty { get; } = new([]);

    /// <summary>Loads every package under <paramref name="paths"/>; a package whose driver name another package already provides is malfunctioned.</summary>
    public static DriverPackages Load(IEnumerable<string> paths, Func<string, string, string> text)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var packages = new List<DriverPackage>();
        foreach (var package in DriverLoader.LoadAll(paths, text))
        {
            var taken = package.Provides.Select(p => p.Name).FirstOrDefault(n => names.Contains(n));
            if (package.Loaded && taken is not null)
            {
                package.LoadContext?.Unload();
                packages.Add(DriverPackage.Malfunctioned(package.Folder, package.Manifest, "driver.duplicate_name",
                    text("driver.duplicate_name", $"another package already provides the driver '{taken}'.")));
                continue;
            }

            names.UnionWith(package.Provides.Select(p => p.Name));
            packages.Add(package);
        }

        return new DriverPackages(packages);
    }

    /// <summary>
    /// Every factory, one per name: the loaded packages' own, and a stand-in for each driver a malfunctioned package names
    /// (so its devices show Malfunctioned with the package's reason).
    /// </summary>
    public IEnumerable<IDriverFactory> Factories => All.SelectMany(p => p.Loaded
        ? p.Factories
        : p.Provides.Select(d => (IDriverFactory)new QuarantinedDriverFactory(d, p)))
        .DistinctBy(f => f.Name, StringComparer.OrdinalIgnoreCase);
}
