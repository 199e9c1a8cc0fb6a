using System.Net;
using System.Net.Sockets;

namespace Gateway.Packaging.Tests;

/// <summary>
/// A throwaway root for install.sh: <c>--root</c> puts /opt, /etc and /var/lib under a temporary folder, the unit goes to
/// its etc/systemd/system, the current user serves as the service user (<c>--no-user</c>: the machine's users are not
/// touched) and fake-systemctl.sh stands in for systemctl, running the unit's ExecStart with the unit's Environment.
/// Nothing outside the folder changes, and a gateway it started is stopped when it is disposed.
/// </summary>
internal sealed class ThrowawayRoot : IAsyncDisposable
{
    public ThrowawayRoot()
    {
        Root = Directory.CreateTempSubdirectory("border-gateway-root-").FullName;
        Port = FreeLoopbackPort();
    }

    public string Root { get; }

    /// <summary>The gRPC port the test's configuration gives the installed gateway.</summary>
    public int Port { get; }

    public string Prefix => Path.Combine(Root, "opt", "border-gateway");

    public string ConfigFolder => Path.Combine(Root, "etc", "border-gateway");

    public string DataFolder => Path.Combine(Root, "var", "lib", "border-gateway");

    public string UnitFolder => Path.Combine(Root, "etc", "systemd", "system");

    public string UnitFile => Path.Combine(UnitFolder, "border-gateway.service");

    public string SystemdState => Path.Combine(Root, "fake-systemd");

    public string GatewayCtl => Path.Combine(Prefix, "current", "gatewayctl");

    /// <summary>What the scripts and gatewayctl are run with.</summary>
    public Dictionary<string, string> Environment => new()
    {
        ["BORDER_GATEWAY_ROOT"] = Root,
        ["BORDER_GATEWAY_SYSTEMCTL"] = Path.Combine(AppContext.BaseDirectory, "fake-systemctl.sh"),
        ["FAKE_SYSTEMD_UNIT_DIR"] = UnitFolder,
        ["FAKE_SYSTEMD_STATE"] = SystemdState,
        ["GATEWAY_ADDRESS"] = $"http://127.0.0.1:{Port}",
    };

    /// <summary>The arguments every install.sh and uninstall.sh call gets here.</summary>
    public static string[] Options => ["--user", System.Environment.UserName, "--no-user"];

    /// <summary>The process id of the gateway the fake systemctl runs, or null when it runs none.</summary>
    public int? GatewayProcess()
    {
        var file = Path.Combine(SystemdState, "border-gateway.service.pid");
        if (!File.Exists(file))
        {
            return null;
        }

        var pid = int.Parse(File.ReadAllText(file).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        return Directory.Exists($"/proc/{pid}") ? pid : null;
    }

    /// <summary>The gateway's output so far, for a failing test's message.</summary>
    public string GatewayLog()
    {
        var file = Path.Combine(SystemdState, "border-gateway.service.log");
        return File.Exists(file) ? File.ReadAllText(file) : "(no gateway output)";
    }

    public Task<ProcessResult> RunAsync(string file, params string[] arguments) =>
        Processes.RunAsync(file, arguments, Environment, TimeSpan.FromMinutes(3));

    public Task<ProcessResult> GatewayCtlAsync(params string[] arguments) =>
        Processes.RunAsync(GatewayCtl, arguments, Environment, TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(UnitFile))
        {
            await RunAsync(Environment["BORDER_GATEWAY_SYSTEMCTL"], "stop", "border-gateway.service");
        }

        if (GatewayProcess() is { } pid)
        {
            System.Diagnostics.Process.GetProcessById(pid).Kill(entireProcessTree: true);
        }

        Directory.Delete(Root, recursive: true);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
