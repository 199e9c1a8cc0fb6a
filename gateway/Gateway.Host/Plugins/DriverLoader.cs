using System.Reflection;
using Gateway.Drivers;

namespace Gateway.Host.Plugins;

/// <summary>
/// Finds driver packages (folders holding a <c>driver.json</c>) in the configured paths and loads each into its own
/// <see cref="DriverLoadContext"/>. Nothing a package does escapes: a package that cannot be loaded is returned
/// Malfunctioned with a stable reason code and a text for technicians.
/// </summary>
internal static class DriverLoader
{
    /// <summary>Loads every package under <paramref name="paths"/> (each path a package folder or a folder of them).</summary>
    public static IReadOnlyList<DriverPackage> LoadAll(IEnumerable<string> paths, Func<string, string, string> text)
    {
        var packages = new List<DriverPackage>();
        foreach (var path in paths)
        {
            if (!Directory.Exists(path))
            {
                continue;
            }

            var folders = File.Exists(Path.Combine(path, DriverManifest.FileName))
                ? [path]
                : Directory.GetDirectories(path).Order(StringComparer.Ordinal).Where(f => File.Exists(Path.Combine(f, DriverManifest.FileName)));
            packages.AddRange(folders.Select(f => Load(f, text)));
        }

        return packages;
    }

    /// <summary>Loads one package folder; never throws.</summary>
    /// <param name="folder">The package folder.</param>
    /// <param name="text">Makes the technician's text from a reason code and a detail.</param>
    public static DriverPackage Load(string folder, Func<string, string, string> text)
    {
        folder = Path.GetFullPath(folder);
        var manifest = DriverManifest.Read(folder, out var error);
        if (manifest is null)
        {
            return Fail(folder, null, "driver.manifest_invalid", error, text);
        }

        if (manifest.Contract != DriverContract.Version)
        {
            return Fail(folder, manifest, "driver.contract_mismatch",
                $"it targets driver contract {manifest.Contract}; this gateway provides contract {DriverContract.Version}.", text);
        }

        var entry = Path.Combine(folder, manifest.Assembly);
        if (!File.Exists(entry))
        {
            return Fail(folder, manifest, "driver.assembly_missing", $"{manifest.Assembly} is not in the package folder.", text);
        }

        DriverLoadContext? context = null;
        try
        {
            context = new DriverLoadContext(manifest.Id, entry);
            var assembly = context.LoadFromAssemblyPath(entry);
            if (Check(assembly, context) is { } problem)
            {
                context.Unload();
                return Fail(folder, manifest, problem.Code, problem.Detail, text);
            }

            var factories = assembly.GetTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && typeof(IDriverFactory).IsAssignableFrom(t)
                    && t.GetConstructor(Type.EmptyTypes) is not null)
                .Select(t => (IDriverFactory)Activator.CreateInstance(t)!)
                .ToArray();
            if (factories.Length == 0)
            {
                context.Unload();
                return Fail(folder, manifest, "driver.no_factory", $"{manifest.Assembly} has no public IDriverFactory with a parameterless constructor.", text);
            }

            return DriverPackage.Ok(folder, manifest, factories, context);
        }
        catch (Exception ex)
        {
            context?.Unload();
            var detail = ex is TargetInvocationException { InnerException: { } inner } ? inner.Message
                : ex is ReflectionTypeLoadException types ? string.Join(" ", types.LoaderExceptions.Select(e => e?.Message).Distinct())
                : ex.Message;
            return Fail(folder, manifest, "driver.load_failed", detail, text);
        }
    }

    /// <summary>
    /// Checks what can be checked before any driver code runs: the contract assembly it was built against, and that every
    /// assembly it references is either the gateway's or in its folder.
    /// </summary>
    private static (string Code, string Detail)? Check(Assembly assembly, DriverLoadContext context)
    {
        foreach (var reference in assembly.GetReferencedAssemblies())
        {
            if (reference.Name == typeof(DriverContract).Assembly.GetName().Name)
            {
                if (reference.Version?.Major != DriverContract.Version)
                {
                    return ("driver.contract_mismatch",
                        $"it was built against driver contract {reference.Version?.Major}; this gateway provides contract {DriverContract.Version}.");
                }

                continue;
            }

            if (!DriverLoadContext.IsShared(reference) && (context.Resolve(reference) is not { } path || !File.Exists(path)))
            {
                return ("driver.dependency_missing", $"it needs {reference.Name} {reference.Version}, which is neither in its folder nor part of the gateway.");
            }
        }

        return null;
    }

    private static DriverPackage Fail(string folder, DriverManifest? manifest, string code, string detail, Func<string, string, string> text) =>
        DriverPackage.Malfunctioned(folder, manifest, code, text(code, detail));
}
