using System.Diagnostics;
using System.Runtime.Versioning;

// The packages are built and the Linux one installed on Linux; the Windows one is only built and read there.
[assembly: SupportedOSPlatform("linux")]

namespace Gateway.Packaging.Tests;

/// <summary>
/// Both packages, built once per test run by packaging/build-packages.sh exactly as a release is built (one
/// self-contained publish per OS, version 1.0.0); every test of the collection reads or installs them.
/// </summary>
public sealed class PackageBuild : IAsyncLifetime
{
    public const string Version = "1.0.0";

    public string RepositoryRoot { get; } = FindRepositoryRoot();

    public string OutputFolder { get; } = Directory.CreateTempSubdirectory("border-gateway-packages-").FullName;

    public string LinuxTarball => Path.Combine(OutputFolder, $"border-gateway-{Version}-linux-x64.tar.gz");

    public string WindowsZip => Path.Combine(OutputFolder, $"border-gateway-{Version}-win-x64.zip");

    /// <summary>The build script's output, for a failing test's message.</summary>
    public string Log { get; private set; } = string.Empty;

    public TimeSpan BuildTime { get; private set; }

    public async Task InitializeAsync()
    {
        var watch = Stopwatch.StartNew();
        var result = await Processes.RunAsync(
            Path.Combine(RepositoryRoot, "packaging", "build-packages.sh"),
            ["--version", Version, "--rid", "all", "--out", OutputFolder],
            timeout: TimeSpan.FromMinutes(15));
        BuildTime = watch.Elapsed;
        Log = result.ToString();
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"build-packages.sh failed:\n{Log}");
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(OutputFolder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Unpacks the Linux tarball into a new folder and returns the package folder inside it.</summary>
    public async Task<string> UnpackLinuxAsync(string into)
    {
        Directory.CreateDirectory(into);
        var result = await Processes.RunAsync("tar", ["-xzf", LinuxTarball, "-C", into]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return Path.Combine(into, $"border-gateway-{Version}-linux-x64");
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "packaging", "build-packages.sh")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("packaging/build-packages.sh not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackageBuild>
{
    public const string Name = "packages";
}
