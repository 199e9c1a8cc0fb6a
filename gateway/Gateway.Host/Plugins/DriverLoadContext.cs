using System.Reflection;
using System.Runtime.Loader;

namespace Gateway.Host.Plugins;

/// <summary>
/// The assembly load context of one driver package. Assemblies the gateway itself ships (the driver contract, the
/// framework, Microsoft.Extensions.*) come from the gateway, so types match across the boundary; everything else the
/// driver needs — its own dependencies, whatever their versions, and native libraries — comes from its folder,
/// resolved through its <c>.deps.json</c>.
/// </summary>
internal sealed class DriverLoadContext : AssemblyLoadContext
{
    private static readonly HashSet<string> GatewayAssemblies = TrustedPlatformAssemblies();
    private readonly AssemblyDependencyResolver _resolver;

    public DriverLoadContext(string id, string entryAssemblyPath)
        : base($"driver:{id}", isCollectible: true)
    {
        _resolver = new AssemblyDependencyResolver(entryAssemblyPath);
    }

    /// <summary>True when the gateway provides the assembly itself (so the driver shares the gateway's copy).</summary>
    public static bool IsShared(AssemblyName name) => name.Name is { } simple && GatewayAssemblies.Contains(simple);

    /// <summary>The path the driver's folder holds for <paramref name="name"/>, or null.</summary>
    public string? Resolve(AssemblyName name) => _resolver.ResolveAssemblyToPath(name);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (IsShared(assemblyName))
        {
            return null;
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    private static HashSet<string> TrustedPlatformAssemblies()
    {
        var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
        return new HashSet<string>(
            list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(Path.GetFileNameWithoutExtension).OfType<string>(),
            StringComparer.OrdinalIgnoreCase);
    }
}
