using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Gateway.Drivers.Pcsc.Tests;

/// <summary>
/// A real pcscd with vsmartcard's vpcd reader driver. When a pcscd already runs, it is used as is (its vpcd listens on the
/// port of /etc/reader.conf.d/vpcd); otherwise the fixture starts its own in the foreground with a private reader.conf.d
/// whose vpcd port is free, waits for "daemon ready" on its output, and stops it at the end.
/// </summary>
public sealed partial class PcscdFixture : IAsyncLifetime
{
    private const string Daemon = "/usr/sbin/pcscd";
    private const string VpcdDriver = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";
    private Process? _process;
    private string? _config;

    /// <summary>The TCP port the virtual card connects to.</summary>
    public int Port { get; private set; } = 35963;

    /// <summary>The first vpcd slot's reader name.</summary>
    public string Reader => "Virtual PCD 00 00";

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Daemon) && File.Exists(VpcdDriver),
            "pcscd and vsmartcard-vpcd are needed (Debian packages pcscd and vsmartcard-vpcd; scripts/test.sh installs them).");
        if (RunningPid() is not null)
        {
            Port = SystemVpcdPort();
            return;
        }

        Port = FreePortPair();
        _config = Directory.CreateTempSubdirectory("gateway-pcscd-").FullName;
        await File.WriteAllTextAsync(Path.Combine(_config, "vpcd"),
            $"FRIENDLYNAME \"Virtual PCD\"\nDEVICENAME /dev/null:0x{Port:X4}\nLIBPATH {VpcdDriver}\nCHANNELID 0x{Port:X4}\n");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        _process = new Process
        {
            StartInfo = new ProcessStartInfo(Daemon, ["--foreground", "--debug", "--config", _config])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        void Line(object? _, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            if (e.Data.Contains("daemon ready", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        }

        _process.OutputDataReceived += Line;
        _process.ErrorDataReceived += Line;
        _process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("pcscd exited: " + string.Join('\n', output)));
        _process.EnableRaisingEvents = true;
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            // SIGTERM lets pcscd remove its socket and pid file; SIGKILL only if it does not stop.
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
                _process.Kill();
            }
        }

        _process?.Dispose();
        if (_config is not null)
        {
            Directory.Delete(_config, recursive: true);
        }
    }

    /// <summary>The pid of a live pcscd, from its pid file (a stale file of a killed one is ignored).</summary>
    internal static int? RunningPid()
    {
        const string pidFile = "/run/pcscd/pcscd.pid";
        return File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) && Directory.Exists($"/proc/{pid}") ? pid : null;
    }

    private static int SystemVpcdPort()
    {
        const string conf = "/etc/reader.conf.d/vpcd";
        var match = File.Exists(conf) ? DeviceName().Match(File.ReadAllText(conf)) : Match.Empty;
        return match.Success ? Convert.ToInt32(match.Groups[1].Value, 16) : 35963;
    }

    /// <summary>A port P with P+1 also free (vpcd opens two slots).</summary>
    private static int FreePortPair()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var first = new TcpListener(IPAddress.Any, 0);
            first.Start();
            var port = ((IPEndPoint)first.LocalEndpoint).Port;
            try
            {
                using var second = new TcpListener(IPAddress.Any, port + 1);
                second.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException("No free pair of TCP ports for vpcd.");
    }

    [GeneratedRegex(@"DEVICENAME\s+\S*:0x([0-9A-Fa-f]+)")]
    private static partial Regex DeviceName();
}

[CollectionDefinition(Name)]
public sealed class PcscdCollection : ICollectionFixture<PcscdFixture>
{
    public const string Name = "pcscd";
}
