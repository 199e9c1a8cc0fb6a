using System.IO.Compression;
using System.Text.Json;

namespace Gateway.Packaging.Tests;

/// <summary>What each package holds: programs, driver packages, configuration, scripts, version stamp and licences.</summary>
[Collection(PackagesCollection.Name)]
public sealed class PackageContentTests(PackageBuild build)
{
    /// <summary>The built-in driver packages as drivers/BuiltInDrivers.targets lists them.</summary>
    private string[] BuiltInDrivers =>
        System.Text.RegularExpressions.Regex.Matches(
                File.ReadAllText(Path.Combine(build.RepositoryRoot, "drivers", "BuiltInDrivers.targets")),
                @"<BuiltInDriver Include=""[^""]*/([^/""]+)\.csproj""")
            .Select(m => m.Groups[1].Value)
            .ToArray();

    [Fact]
    public async Task Linux_package_holds_the_programs_drivers_scripts_version_and_licences()
    {
        var folder = await build.UnpackLinuxAsync(Directory.CreateTempSubdirectory("border-gateway-linux-").FullName);
        try
        {
            var app = Path.Combine(folder, "app");
            Assert.Equal(PackageBuild.Version, (await File.ReadAllTextAsync(Path.Combine(folder, "VERSION"))).Trim());
            foreach (var executable in new[] { "install.sh", "uninstall.sh", "app/Gateway.Host", "app/gatewayctl" })
            {
                Assert.True(File.GetUnixFileMode(Path.Combine(folder, executable)).HasFlag(UnixFileMode.UserExecute), executable);
            }

            Assert.True(File.Exists(Path.Combine(folder, "border-gateway.service")));
            Assert.True(File.Exists(Path.Combine(app, "appsettings.json")));
            Assert.NotEmpty(BuiltInDrivers);
            foreach (var driver in BuiltInDrivers)
            {
                Assert.True(File.Exists(Path.Combine(app, "drivers", driver, "driver.json")), driver);
            }

            // Self-contained: the runtime is inside, and OpenCV's native library for the camera driver and the gateway.
            Assert.True(File.Exists(Path.Combine(app, "libcoreclr.so")));
            Assert.True(File.Exists(Path.Combine(app, "libOpenCvSharpExtern.so")));
            Assert.Empty(Directory.GetDirectories(Path.Combine(app, "drivers"), "win*", SearchOption.AllDirectories));

            // gatewayctl says which version it is, without a gateway and without .NET installed.
            var version = await Processes.RunAsync(Path.Combine(app, "gatewayctl"), ["--version"], new Dictionary<string, string> { ["DOTNET_ROOT"] = "/nonexistent" });
            Assert.True(version.ExitCode == 0, version.ToString());
            Assert.StartsWith(PackageBuild.Version, version.Output.Trim(), StringComparison.Ordinal);

            await AssertNoticesCoverAsync(Path.Combine(folder, "THIRD-PARTY-NOTICES.txt"), app);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Fact]
    public async Task Windows_package_holds_the_programs_drivers_scripts_version_and_licences()
    {
        var into = Directory.CreateTempSubdirectory("border-gateway-windows-").FullName;
        try
        {
            ZipFile.ExtractToDirectory(build.WindowsZip, into);
            var folder = Path.Combine(into, $"border-gateway-{PackageBuild.Version}-win-x64");
            var app = Path.Combine(folder, "app");
            Assert.Equal(PackageBuild.Version, (await File.ReadAllTextAsync(Path.Combine(folder, "VERSION"))).Trim());
            foreach (var file in new[] { "install.ps1", "uninstall.ps1", "app/Gateway.Host.exe", "app/cli/gatewayctl.exe", "app/appsettings.json", "app/coreclr.dll", "app/e_sqlite3.dll" })
            {
                Assert.True(File.Exists(Path.Combine(folder, file)), file);
            }

            Assert.NotEmpty(BuiltInDrivers);
            foreach (var driver in BuiltInDrivers)
            {
                Assert.True(File.Exists(Path.Combine(app, "drivers", driver, "driver.json")), driver);
            }

            // Windows executables (PE), and no Linux native library left in a driver package.
            var header = new byte[2];
            await using (var exe = File.OpenRead(Path.Combine(app, "Gateway.Host.exe")))
            {
                await exe.ReadExactlyAsync(header);
            }

            Assert.Equal("MZ"u8.ToArray(), header);
            Assert.Empty(Directory.GetFiles(Path.Combine(app, "drivers"), "*.so", SearchOption.AllDirectories));
            var service = await File.ReadAllTextAsync(Path.Combine(folder, "install.ps1"));
            Assert.Contains("sc.exe failure", service);
            Assert.Contains("GATEWAY_CONFIG_DIR", service);

            await AssertNoticesCoverAsync(Path.Combine(folder, "THIRD-PARTY-NOTICES.txt"), app);
        }
        finally
        {
            Directory.Delete(into, recursive: true);
        }
    }

    /// <summary>
    /// Every package that ships a library in the folder (as its *.deps.json files record) is named with its version and
    /// licence, and every licence named has its text.
    /// </summary>
    private static async Task AssertNoticesCoverAsync(string noticesFile, string app)
    {
        var notices = await File.ReadAllTextAsync(noticesFile);
        var shipped = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var deps in Directory.GetFiles(app, "*.deps.json", SearchOption.AllDirectories))
        {
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(deps));
            var libraries = document.RootElement.GetProperty("targets").EnumerateObject().SelectMany(t => t.Value.EnumerateObject());
            foreach (var library in libraries)
            {
                var type = document.RootElement.GetProperty("libraries").GetProperty(library.Name).GetProperty("type").GetString();
                var shipsFiles = library.Value.TryGetProperty("runtime", out _) || library.Value.TryGetProperty("native", out _);
                if (type is "package" or "runtimepack" && shipsFiles)
                {
                    shipped.Add(library.Name.Replace("runtimepack.", string.Empty, StringComparison.Ordinal).Replace('/', ' '));
                }
            }
        }

        Assert.Contains("ZXing.Net", string.Join('\n', shipped));
        Assert.Contains("Grpc.AspNetCore.Server", string.Join('\n', shipped));
        Assert.All(shipped, package => Assert.Contains("\n" + package + "\n", notices));
        Assert.Contains("Microsoft.NETCore.App.Runtime", notices);
        foreach (var licence in new[] { "Apache-2.0", "MIT", "BSD-3-Clause" })
        {
            Assert.Contains($"  Licence: {licence}", notices);
            Assert.Contains($"\n{licence}\n---", notices);
        }
    }
}
