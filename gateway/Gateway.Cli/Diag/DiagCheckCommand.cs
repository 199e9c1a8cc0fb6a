using System.CommandLine;
using Gateway.Contracts.V1;

namespace Gateway.Cli.Diag;

/// <summary><c>gatewayctl diag check DEVICE --level external</c>: one health check, with progress while it runs.</summary>
internal static class DiagCheckCommand
{
    public static Command Create(Console console)
    {
        var device = new Argument<string>("DEVICE") { Description = "The device id." };
        var level = DiagCommand.LevelOption("internal");
        var timeout = new Option<double>("--timeout") { Description = "Longest time the check may take, in seconds (default: the gateway's)." };
        var command = new Command("check", "Check one device's health; exit code 1 when it fails.") { device, level, timeout };
        command.SetAction((parse, cancellationToken) => Calls.RunAsync(console, async () =>
        {
            using var channel = GlobalOptions.Channel(parse);
            var id = parse.GetValue(device)!;
            var request = new CheckHealthRequest { DeviceId = id, Level = HealthText.ParseLevel(parse.GetValue(level)!) };
            if (parse.GetValue(timeout) is > 0 and var seconds)
            {
                request.Timeout = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromSeconds(seconds));
            }

            if (request.Level == HealthLevel.Interactive)
            {
                var target = await new DeviceService.DeviceServiceClient(channel)
                    .GetDeviceAsync(new GetDeviceRequest { DeviceId = id }, cancellationToken: cancellationToken);
                await console.Error.WriteLineAsync(HealthText.Prompt(target));
            }

            var result = await HealthText.CheckWithProgressAsync(
                new DiagnosticsService.DiagnosticsServiceClient(channel), request, console, TimeProvider.System, cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                await console.Out.WriteLineAsync(GlobalOptions.ToJson(result));
            }
            else
            {
                await console.Out.WriteLineAsync(
                    $"{result.DeviceId}  {Names.Of(result.Level)}  {HealthText.Outcome(result.Outcome, HealthText.UseColour(console))}  {result.Code}  {HealthText.Seconds(result.Duration)}");
                await console.Out.WriteLineAsync($"  {result.Message}");
                foreach (var (key, value) in result.Details.OrderBy(d => d.Key, StringComparer.Ordinal))
                {
                    await console.Out.WriteLineAsync($"  {key}: {value}");
                }
            }

            return result.Outcome == HealthOutcome.Failed ? 1 : 0;
        }));
        return command;
    }
}
