using System.CommandLine;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Gateway.Contracts.V1;
using Grpc.Core;

namespace Gateway.Cli.Diag;

/// <summary>
/// <c>gatewayctl diag bundle -o FILE.zip</c>: one file for support — the gateway's versions, platform and configuration
/// (secrets replaced by the gateway with <c>***</c>), devices, drivers, statistics, health results and the last log lines.
/// Captures, records and images are never fetched, so no personal data can be in it.
/// </summary>
internal static class DiagBundleCommand
{
    public static Command Create(Console console)
    {
        var output = new Option<FileInfo>("--output", "-o") { Description = "The zip file to write.", Required = true };
        var logLines = new Option<uint>("--log-lines") { Description = "Last log lines included (default 1000).", DefaultValueFactory = _ => 1000 };
        var noExternal = new Option<bool>("--no-external") { Description = "Only internal health checks (no device I/O)." };
        var command = new Command("bundle", "Write a support bundle (zip) without secrets or personal data.") { output, logLines, noExternal };
        command.SetAction((parse, cancellationToken) => Calls.RunAsync(console, async () =>
        {
            var path = parse.GetValue(output)!.ToString();
            using var channel = GlobalOptions.Channel(parse);
            var diagnostics = new DiagnosticsService.DiagnosticsServiceClient(channel);
            var devicesClient = new DeviceService.DeviceServiceClient(channel);
            var files = new List<KeyValuePair<string, string>>();
            var levels = parse.GetValue(noExternal) ? new[] { HealthLevel.Internal } : [HealthLevel.Internal, HealthLevel.External];
            const int steps = 6;

            await Step(1, steps, "gateway information and configuration");
            var info = await diagnostics.GetSupportInfoAsync(new GetSupportInfoRequest(), cancellationToken: cancellationToken);
            files.Add(new("gateway.json", GlobalOptions.ToJson(info)));
            files.Add(new("configuration.txt", string.Join('\n', info.Configuration) + "\n"));

            await Step(2, steps, "devices and drivers");
            var devices = await devicesClient.ListDevicesAsync(new ListDevicesRequest(), cancellationToken: cancellationToken);
            files.Add(new("devices.json", GlobalOptions.ToJson(devices)));
            files.Add(new("drivers.json", GlobalOptions.ToJson(await devicesClient.ListDriversAsync(new ListDriversRequest(), cancellationToken: cancellationToken))));

            await Step(3, steps, "statistics");
            files.Add(new("statistics.json", GlobalOptions.ToJson(await diagnostics.GetStatisticsAsync(new GetStatisticsRequest(), cancellationToken: cancellationToken))));

            await Step(4, steps, $"health checks ({string.Join(", ", levels.Select(l => Names.Of(l)))}) of {devices.Devices.Count} devices");
            var health = new StringBuilder();
            foreach (var device in devices.Devices)
            {
                foreach (var level in levels)
                {
                    var result = await HealthText.CheckWithProgressAsync(
                        diagnostics, new CheckHealthRequest { DeviceId = device.Id, Level = level }, console, TimeProvider.System, cancellationToken);
                    health.AppendLine(GlobalOptions.ToJson(result));
                }
            }

            files.Add(new("health.jsonl", health.ToString()));

            await Step(5, steps, "log lines");
            var logs = new StringBuilder();
            using (var call = diagnostics.WatchLogs(new WatchLogsRequest { Tail = parse.GetValue(logLines), MinLevel = Contracts.V1.LogSeverity.Debug }, cancellationToken: cancellationToken))
            {
                await foreach (var entry in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    logs.AppendLine(DiagLogsCommand.Line(entry));
                }
            }

            files.Add(new("logs.txt", logs.ToString()));
            files.Insert(0, new("README.txt", Readme(parse.GetValue(GlobalOptions.Address)!)));

            await Step(6, steps, $"writing {path}");
            var zip = SupportBundle.Zip(files, DateTimeOffset.UtcNow);
            try
            {
                await SupportBundle.WriteAsync(zip, path, cancellationToken);
            }
            catch (BundleWriteException ex)
            {
                await console.Error.WriteLineAsync($"gatewayctl: {ex.Message}");
                return 1;
            }

            await console.Out.WriteLineAsync($"{path}: {files.Count} files, {zip.Length / 1024.0:0.0} KiB");
            return 0;
        }));
        return command;

        Task Step(int step, int steps, string what) => console.Error.WriteLineAsync($"[{step}/{steps}] {what}…");
    }

    private static string Readme(Uri address) => $"""
        Border Booth Gateway support bundle
        Made {DateTimeOffset.UtcNow:u} by gatewayctl {typeof(DiagBundleCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion}
        on {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, from the gateway at {address}.

        gateway.json       versions, operating system, .NET runtime, start time, configuration
        configuration.txt  the configuration in effect, one key=value per line; every secret is "***"
        devices.json       the devices and their states
        drivers.json       the driver packages, loaded or malfunctioned, with reasons
        statistics.json    captures, failures by reason, restarts, time in each state, last error, hardware
        health.jsonl       a health check of each device per level
        logs.txt           the gateway's last log lines

        Never included: captures, traveller records, images, MRZ or barcode content, names or document numbers
        (the gateway's log lines do not carry them), and no secret (passwords, keys, tokens, certificates).

        """.Replace("\r\n", "\n", StringComparison.Ordinal);
}
