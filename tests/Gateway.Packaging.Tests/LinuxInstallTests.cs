using System.Security.Cryptography;
using System.Text.Json;

namespace Gateway.Packaging.Tests;

/// <summary>
/// The Linux package as a technician uses it: install, upgrade, a failed upgrade rolled back, uninstall keeping the data,
/// purge — in a throwaway root (see <see cref="ThrowawayRoot"/>), the installed gateway started by the unit's ExecStart
/// with the unit's Environment on a free loopback port, checked with the package's own gatewayctl.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class LinuxInstallTests(PackageBuild build)
{
    [Fact]
    public async Task Install_upgrade_rollback_and_uninstall_keep_the_configuration_and_the_journal()
    {
        await using var root = new ThrowawayRoot();
        var stick = Path.Combine(root.Root, "usb-stick");
        var a = await build.UnpackLinuxAsync(stick);
        // Version B: the same programs stamped 1.0.1 (one publish per test run); version C: a gateway that cannot start.
        var b = await CopyPackageAsync(a, Path.Combine(stick, "b"), "1.0.1");
        var c = await CopyPackageAsync(a, Path.Combine(stick, "c"), "1.0.2");
        File.Delete(Path.Combine(c, "app", "Gateway.Host"));
        await File.WriteAllTextAsync(Path.Combine(c, "app", "Gateway.Host"), "#!/bin/sh\necho 'broken build' >&2\nexit 1\n");
        File.SetUnixFileMode(Path.Combine(c, "app", "Gateway.Host"), (UnixFileMode)0b111_101_101);

        // The post's own configuration, prepared before the installation: a port of its own, one reader, French texts,
        // no diagnostics page or scrape endpoint. The installation must keep it and ship its defaults beside it.
        Directory.CreateDirectory(root.ConfigFolder);
        var configuration = Path.Combine(root.ConfigFolder, "appsettings.json");
        var postConfiguration = PostConfiguration(root.Port);
        await File.WriteAllTextAsync(configuration, postConfiguration);

        // Install A.
        var install = await root.RunAsync(Path.Combine(a, "install.sh"), ThrowawayRoot.Options);
        Assert.True(install.ExitCode == 0, install + root.GatewayLog());
        Assert.Contains("is SERVING", install.Output);
        Assert.Equal(PackageBuild.Version, new FileInfo(Path.Combine(root.Prefix, "current")).LinkTarget);
        Assert.Equal(postConfiguration, await File.ReadAllTextAsync(configuration));
        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(a, "app", "appsettings.json")),
            await File.ReadAllTextAsync(configuration + ".new"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(root.DataFolder));
        var unit = await File.ReadAllTextAsync(root.UnitFile);
        Assert.Contains($"ExecStart={root.Prefix}/current/Gateway.Host\n", unit);
        Assert.Contains($"Environment=GATEWAY_CONFIG_DIR={root.ConfigFolder}\n", unit);
        Assert.Contains($"ReadWritePaths={root.DataFolder}\n", unit);
        Assert.DoesNotContain("@", unit.Split('\n').Where(l => !l.StartsWith('#')).Aggregate(string.Empty, string.Concat));
        await AssertServingAsync(root);

        // The unit as installed: valid for systemd, and its sandbox keeps the exposure systemd rates "OK" (at most 4.0).
        var verify = await Processes.RunAsync("systemd-analyze", ["verify", root.UnitFile]);
        Assert.True(verify.ExitCode == 0 && verify.Error.Trim().Length == 0, verify.ToString());
        var security = await Processes.RunAsync("systemd-analyze", ["security", "--offline=true", "--threshold=40", root.UnitFile]);
        Assert.True(security.ExitCode == 0, security.ToString());

        // The installed configuration replaced the shipped one whole: only the post's reader, none of the five simulators.
        var devices = await root.GatewayCtlAsync("devices", "--json");
        Assert.True(devices.ExitCode == 0, devices.ToString());
        Assert.Equal(["reader-7"], JsonLines(devices.Output).Select(d => d.GetProperty("id").GetString()));

        // Every built-in driver package loads from the installed folder (the native libraries it needs are there).
        var drivers = await root.GatewayCtlAsync("drivers", "list", "--json");
        Assert.True(drivers.ExitCode == 0, drivers.ToString());
        var packages = JsonLines(drivers.Output).ToList();
        Assert.Equal(Directory.GetDirectories(Path.Combine(root.Prefix, "current", "drivers")).Length, packages.Count);
        Assert.All(packages, p => Assert.Equal("DRIVER_PACKAGE_STATE_LOADED", p.GetProperty("state").GetString()));
        Assert.All(packages, p => Assert.StartsWith(Path.Combine(root.Prefix, PackageBuild.Version, "drivers"), p.GetProperty("folder").GetString(), StringComparison.Ordinal));

        // Captures in the journal, never acknowledged.
        var captured = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var trigger = await root.GatewayCtlAsync("trigger", "reader-7", "--json");
            Assert.True(trigger.ExitCode == 0, trigger.ToString());
            captured.Add(JsonLines(trigger.Output).Single().GetProperty("id").GetString()!);
        }

        var keyFile = Path.Combine(root.DataFolder, "keys", "journal.key");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        var key = SHA256.HashData(await File.ReadAllBytesAsync(keyFile));
        Assert.True(File.Exists(Path.Combine(root.DataFolder, "journal", "captures.db")));

        // Installing over an installation is refused; --upgrade is the way.
        var again = await root.RunAsync(Path.Combine(a, "install.sh"), ThrowawayRoot.Options);
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("--upgrade", again.Error);

        // Upgrade to B: the new version runs, the previous one stays for a manual roll-back, configuration, key and
        // journal entries are kept.
        var upgrade = await root.RunAsync(Path.Combine(b, "install.sh"), [.. ThrowawayRoot.Options, "--upgrade"]);
        Assert.True(upgrade.ExitCode == 0, upgrade + root.GatewayLog());
        Assert.Equal("1.0.1", new FileInfo(Path.Combine(root.Prefix, "current")).LinkTarget);
        Assert.Equal("1.0.1", (await File.ReadAllTextAsync(Path.Combine(root.Prefix, "current", "VERSION"))).Trim());
        Assert.True(Directory.Exists(Path.Combine(root.Prefix, PackageBuild.Version)));
        Assert.Equal(Path.Combine(root.Prefix, "1.0.1", "Gateway.Host"), RunningProgram(root));
        await AssertServingAsync(root);
        Assert.Equal(postConfiguration, await File.ReadAllTextAsync(configuration));
        Assert.Equal(key, SHA256.HashData(await File.ReadAllBytesAsync(keyFile)));
        Assert.Equal(captured, await JournalAsync(root, captured.Count));

        // Upgrade to C, which never becomes healthy: rolled back to B, which serves the same journal again.
        var failed = await root.RunAsync(Path.Combine(c, "install.sh"), [.. ThrowawayRoot.Options, "--upgrade", "--health-timeout", "10"]);
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains("rolled back", failed.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("broken build", root.GatewayLog());
        Assert.Equal("1.0.1", new FileInfo(Path.Combine(root.Prefix, "current")).LinkTarget);
        Assert.Equal(Path.Combine(root.Prefix, "1.0.1", "Gateway.Host"), RunningProgram(root));
        await AssertServingAsync(root);
        Assert.Equal(captured, await JournalAsync(root, captured.Count));

        // Uninstall: the service and the programs go, the configuration and the data stay.
        var uninstall = await root.RunAsync(Path.Combine(root.Prefix, "current", "uninstall.sh"), ThrowawayRoot.Options);
        Assert.True(uninstall.ExitCode == 0, uninstall.ToString());
        Assert.Null(root.GatewayProcess());
        Assert.False(Directory.Exists(root.Prefix));
        Assert.False(File.Exists(root.UnitFile));
        Assert.Equal(postConfiguration, await File.ReadAllTextAsync(configuration));
        Assert.Equal(key, SHA256.HashData(await File.ReadAllBytesAsync(keyFile)));

        // A later installation finds them: the same journal entries are served again.
        var reinstall = await root.RunAsync(Path.Combine(a, "install.sh"), ThrowawayRoot.Options);
        Assert.True(reinstall.ExitCode == 0, reinstall + root.GatewayLog());
        Assert.Equal(captured, await JournalAsync(root, captured.Count));

        // Purge removes everything.
        var purge = await root.RunAsync(Path.Combine(root.Prefix, "current", "uninstall.sh"), [.. ThrowawayRoot.Options, "--purge"]);
        Assert.True(purge.ExitCode == 0, purge.ToString());
        Assert.Null(root.GatewayProcess());
        Assert.False(Directory.Exists(root.ConfigFolder));
        Assert.False(Directory.Exists(root.DataFolder));
        Assert.False(Directory.Exists(root.Prefix));
    }

    private static string PostConfiguration(int port) => $$"""
        {
          "Logging": { "LogLevel": { "Default": "Information", "Microsoft.AspNetCore": "Warning" } },
          "Kestrel": {
            "EndpointDefaults": { "Protocols": "Http2" },
            "Endpoints": { "Grpc": { "Url": "http://127.0.0.1:{{port}}" } }
          },
          "Gateway": {
            "Language": "fr",
            "Diagnostics": { "Url": "" },
            "Telemetry": { "PrometheusUrl": "" },
            "Devices": [ { "Id": "reader-7", "Driver": "simulated-document", "Settings": { "IntervalSeconds": 0, "Seed": 7 } } ]
          }
        }
        """;

    /// <summary>A copy of an unpacked package with another version stamp (hard links: nothing of the original changes).</summary>
    private static async Task<string> CopyPackageAsync(string package, string into, string version)
    {
        Directory.CreateDirectory(into);
        var copy = Path.Combine(into, Path.GetFileName(package));
        var result = await Processes.RunAsync("cp", ["-al", package, copy]);
        Assert.True(result.ExitCode == 0, result.ToString());
        File.Delete(Path.Combine(copy, "VERSION"));
        await File.WriteAllTextAsync(Path.Combine(copy, "VERSION"), version + "\n");
        return copy;
    }

    private static async Task AssertServingAsync(ThrowawayRoot root)
    {
        var health = await root.GatewayCtlAsync("health");
        Assert.True(health.ExitCode == 0, health + root.GatewayLog());
        Assert.Contains("SERVING", health.Output);
    }

    /// <summary>The program the running gateway process was started from.</summary>
    private static string? RunningProgram(ThrowawayRoot root) =>
        root.GatewayProcess() is { } pid ? new FileInfo($"/proc/{pid}/exe").LinkTarget : null;

    /// <summary>The ids of the first captures the journal replays from the start.</summary>
    private static async Task<List<string>> JournalAsync(ThrowawayRoot root, int count)
    {
        var watch = await root.GatewayCtlAsync("watch", "--after", "0", "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json", "--omit-images");
        Assert.True(watch.ExitCode == 0, watch.ToString());
        return JsonLines(watch.Output).Select(c => c.GetProperty("id").GetString()!).ToList();
    }

    private static IEnumerable<JsonElement> JsonLines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone());
}
