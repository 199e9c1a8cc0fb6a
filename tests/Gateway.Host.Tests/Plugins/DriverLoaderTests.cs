using System.Text.Json.Nodes;
using Gateway.Host.Plugins;

namespace Gateway.Host.Tests.Plugins;

/// <summary>The plug-in loader against real driver packages built beside the tests (tests/TestDrivers).</summary>
public sealed class DriverLoaderTests : IDisposable
{
    private static readonly string Packages = Path.Combine(AppContext.BaseDirectory, "testdrivers");
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("driver-packages-");

    public void Dispose() => _scratch.Delete(recursive: true);

    private static string Text(string code, string detail) => $"{code}: {detail}";

    /// <summary>A copy of a built test package, to break on purpose.</summary>
    private string Copy(string package, string? folderName = null)
    {
        var target = Path.Combine(_scratch.FullName, folderName ?? package);
        foreach (var file in Directory.GetFiles(Path.Combine(Packages, package), "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(Path.Combine(Packages, package), file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    [Fact]
    public void Load_SamplePackage_FindsItsFactory()
    {
        var package = DriverLoader.Load(Path.Combine(Packages, "Gateway.Drivers.Sample"), Text);

        Assert.True(package.Loaded, package.Reason);
        Assert.Equal("acme-docuscan", package.Id);
        var factory = Assert.Single(package.Factories);
        Assert.Equal("acme-docuscan", factory.Name);
    }

    [Fact]
    public async Task Load_TwoPackagesWithDifferentVersionsOfOneLibrary_EachRunsWithItsOwn()
    {
        var alpha = DriverLoader.Load(Path.Combine(Packages, "Gateway.TestDrivers.Alpha"), Text);
        var beta = DriverLoader.Load(Path.Combine(Packages, "Gateway.TestDrivers.Beta"), Text);

        Assert.True(alpha.Loaded, alpha.Reason);
        Assert.True(beta.Loaded, beta.Reason);
        Assert.Equal("lib 1", await FirmwareOf(alpha));
        Assert.Equal("lib 2", await FirmwareOf(beta));
    }

    [Fact]
    public async Task Load_AfterAGarbageCollection_TheDriverStillLoadsItsDependenciesLater()
    {
        var alpha = DriverLoader.Load(Path.Combine(Packages, "Gateway.TestDrivers.Alpha"), Text);

        // The driver first touches its library when it runs: its load context must still be alive then.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Equal("lib 1", await FirmwareOf(alpha));
    }

    private static async Task<string?> FirmwareOf(DriverPackage package)
    {
        var context = new Gateway.Drivers.Conformance.ConformanceContext("d1");
        await using var driver = package.Factories[0].Create("d1", new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build().GetSection("Settings"));
        using var stop = new CancellationTokenSource();
        var run = driver.RunAsync(context, stop.Token);
        Assert.True(await context.WaitForStateAsync(Drivers.DeviceState.Ready, TimeSpan.FromSeconds(10)));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        return context.Identity?.Firmware;
    }

    [Fact]
    public void Load_MissingDependency_IsMalfunctionedNamingIt()
    {
        var folder = Copy("Gateway.TestDrivers.Alpha");
        File.Delete(Path.Combine(folder, "Gateway.TestDrivers.Lib.dll"));

        var package = DriverLoader.Load(folder, Text);

        Assert.False(package.Loaded);
        Assert.Equal("driver.dependency_missing", package.ReasonCode);
        Assert.Contains("Gateway.TestDrivers.Lib", package.Reason, StringComparison.Ordinal);
        Assert.Equal("test-alpha", Assert.Single(package.Provides).Name);
    }

    [Fact]
    public void Load_OtherContractVersion_IsMalfunctioned()
    {
        var folder = Copy("Gateway.TestDrivers.Alpha");
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "driver.json")))!;
        manifest["contract"] = Drivers.DriverContract.Version + 1;
        File.WriteAllText(Path.Combine(folder, "driver.json"), manifest.ToJsonString());

        var package = DriverLoader.Load(folder, Text);

        Assert.Equal("driver.contract_mismatch", package.ReasonCode);
        Assert.Contains($"contract {Drivers.DriverContract.Version + 1}", package.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json", "driver.manifest_invalid")]
    [InlineData("""{ "id": "x", "contract": 1 }""", "driver.manifest_invalid")]
    [InlineData("""{ "id": "x", "contract": 1, "assembly": "../../etc/evil.dll" }""", "driver.manifest_invalid")]
    [InlineData("""{ "id": "x", "contract": 1, "assembly": "Nothing.dll" }""", "driver.assembly_missing")]
    [InlineData("""{ "id": "x", "contract": 1, "assembly": "Gateway.TestDrivers.Lib.dll" }""", "driver.no_factory")]
    public void Load_BadManifestOrAssembly_IsMalfunctionedWithTheReason(string manifest, string code)
    {
        var folder = Copy("Gateway.TestDrivers.Alpha");
        File.WriteAllText(Path.Combine(folder, "driver.json"), manifest);

        var package = DriverLoader.Load(folder, Text);

        Assert.False(package.Loaded);
        Assert.Equal(code, package.ReasonCode);
    }

    [Fact]
    public void LoadAll_TwoPackagesProvidingOneName_SecondIsMalfunctioned()
    {
        Copy("Gateway.TestDrivers.Alpha", "a-alpha");
        var second = Copy("Gateway.TestDrivers.Alpha", "b-alpha");
        Copy("Gateway.TestDrivers.Beta", "c-beta");

        var packages = DriverPackages.Load([_scratch.FullName], Text);

        Assert.Equal(3, packages.All.Count);
        var duplicate = Assert.Single(packages.All, p => !p.Loaded);
        Assert.Equal("driver.duplicate_name", duplicate.ReasonCode);
        Assert.Equal(second, duplicate.Folder);
        Assert.Equal(["test-alpha", "test-beta"], packages.Factories.Select(f => f.Name).Order());
    }
}
