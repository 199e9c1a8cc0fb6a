using System.CommandLine;
using System.IO.Ports;
using System.Text.Json;

namespace Gateway.Cli.Serial;

/// <summary><c>gatewayctl serial ports</c>: the serial ports of this machine.</summary>
internal static class SerialPortsCommand
{
    private static readonly string[] LinuxPatterns = ["ttyS*", "ttyUSB*", "ttyACM*"];

    public static Command Create(Console console)
    {
        var command = new Command("ports", "List the serial ports of this machine (pseudo-terminals are not listed).");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var json = parse.GetValue(GlobalOptions.Json);
            foreach (var (port, target) in Ports())
            {
                await console.Out.WriteLineAsync(json
                    ? JsonSerializer.Serialize(new { port, target })
                    : target is null ? port : $"{port} -> {target}");
            }

            if (!json)
            {
                await console.Out.WriteLineAsync(
                    "Pseudo-terminals (socat pairs, /dev/pts/N) are not listed: give their path in the device's Port setting.");
            }

            return 0;
        });
        return command;
    }

    private static IEnumerable<(string Port, string? Target)> Ports()
    {
        var ports = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        if (OperatingSystem.IsLinux())
        {
            foreach (var pattern in LinuxPatterns)
            {
                foreach (var path in Directory.EnumerateFileSystemEntries("/dev", pattern))
                {
                    ports[path] = null;
                }
            }

            // Stable names that survive re-plugging: the ones to put in a device's Port setting.
            if (Directory.Exists("/dev/serial/by-id"))
            {
                foreach (var link in Directory.EnumerateFileSystemEntries("/dev/serial/by-id"))
                {
                    ports[link] = new FileInfo(link).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
                }
            }
        }

        foreach (var name in SerialPort.GetPortNames())
        {
            ports.TryAdd(name, null);
        }

        return ports.Select(p => (p.Key, p.Value));
    }
}
