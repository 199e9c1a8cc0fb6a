using System.CommandLine;
using Gateway.Contracts.V1;

namespace Gateway.Cli.Diag;

/// <summary>
/// <c>gatewayctl diag</c>: every device's health at one level as a (coloured) table; its subcommands check one device,
/// print statistics and logs, and write a support bundle. Exit code 1 when a device failed its check.
/// </summary>
internal static class DiagCommand
{
    public static Command Create(Console console)
    {
        var level = LevelOption("internal");
        var command = new Command("diag", "Technician diagnostics: the health of every device (internal check unless --level says otherwise).")
        {
            level,
        };
        command.SetAction((parse, cancellationToken) => Calls.RunAsync(console, async () =>
        {
            using var channel = GlobalOptions.Channel(parse);
            var devices = (await new DeviceService.DeviceServiceClient(channel)
                .ListDevicesAsync(new ListDevicesRequest(), cancellationToken: cancellationToken)).Devices;
            var client = new DiagnosticsService.DiagnosticsServiceClient(channel);
            var checkLevel = HealthText.ParseLevel(parse.GetValue(level)!);
            var results = new List<(Device Device, HealthResult Result)>();
            foreach (var device in devices)
            {
                if (checkLevel == HealthLevel.Interactive)
                {
                    await console.Error.WriteLineAsync(HealthText.Prompt(device));
                }

                var result = await HealthText.CheckWithProgressAsync(
                    client, new CheckHealthRequest { DeviceId = device.Id, Level = checkLevel }, console, TimeProvider.System, cancellationToken);
                results.Add((device, result));
            }

            if (parse.GetValue(GlobalOptions.Json))
            {
                foreach (var (_, result) in results)
                {
                    await console.Out.WriteLineAsync(GlobalOptions.ToJson(result));
                }
            }
            else
            {
                var colour = HealthText.UseColour(console);
                Table.Write(
                    console.Out,
                    ["DEVICE", "CLASS", "STATE", "HEALTH", "CODE", "TIME", "MESSAGE"],
                    results.Select(r => (IReadOnlyList<string>)
                    [
                        r.Device.Id, Names.Of(r.Device.DeviceClass), Names.Of(r.Device.State), HealthText.Outcome(r.Result.Outcome, colour),
                        r.Result.Code, HealthText.Seconds(r.Result.Duration), r.Result.Message,
                    ]));
            }

            return results.Any(r => r.Result.Outcome == HealthOutcome.Failed) ? 1 : 0;
        }));
        command.Subcommands.Add(DiagCheckCommand.Create(console));
        command.Subcommands.Add(DiagStatsCommand.Create(console));
        command.Subcommands.Add(DiagLogsCommand.Create(console));
        command.Subcommands.Add(DiagBundleCommand.Create(console));
        return command;
    }

    public static Option<string> LevelOption(string defaultLevel)
    {
        var option = new Option<string>("--level", "-l")
        {
            Description = $"internal (driver self-test, no device I/O), external (talks to the device) or interactive (you present a document, finger or face). Default {defaultLevel}.",
            DefaultValueFactory = _ => defaultLevel,
        };
        option.AcceptOnlyFromAmong("internal", "external", "interactive");
        return option;
    }
}
