using System.CommandLine;
using System.Globalization;
using Gateway.Contracts.V1;

namespace Gateway.Cli.Diag;

/// <summary><c>gatewayctl diag stats [DEVICE]</c>: device statistics kept since the gateway was first started.</summary>
internal static class DiagStatsCommand
{
    public static Command Create(Console console)
    {
        var device = new Argument<string?>("DEVICE") { Description = "Only this device.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("stats", "Device statistics: captures, failures by reason, restarts, time in each state, last error, hardware.") { device };
        command.SetAction((parse, cancellationToken) => Calls.RunAsync(console, async () =>
        {
            using var channel = GlobalOptions.Channel(parse);
            var response = await new DiagnosticsService.DiagnosticsServiceClient(channel)
                .GetStatisticsAsync(new GetStatisticsRequest { DeviceId = parse.GetValue(device) ?? string.Empty }, cancellationToken: cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                await console.Out.WriteLineAsync(GlobalOptions.ToJson(response));
                return 0;
            }

            await console.Out.WriteLineAsync($"Statistics since {response.Since.ToDateTimeOffset():u}");
            Table.Write(
                console.Out,
                ["DEVICE", "CAPTURES", "UNVERIFIED", "RESTARTS", "FAILURES", "TIME IN STATE", "LAST ERROR", "HARDWARE"],
                response.Devices.Select(d => (IReadOnlyList<string>)
                [
                    d.DeviceId,
                    d.Captures.ToString(CultureInfo.InvariantCulture),
                    d.UnverifiedCaptures.ToString(CultureInfo.InvariantCulture),
                    d.Reconnects.ToString(CultureInfo.InvariantCulture),
                    d.FailuresByReason.Count == 0 ? "-" : string.Join(", ", d.FailuresByReason.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}×{f.Value}")),
                    string.Join(", ", d.TimeInState.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key.ToLowerInvariant()} {Span(t.Value.ToTimeSpan())}")),
                    d.LastErrorCode.Length == 0 ? "-" : $"{d.LastErrorAt?.ToDateTimeOffset():u} {d.LastErrorCode}",
                    string.Join(" ", new[] { d.Identity?.Vendor, d.Identity?.Model, d.Identity?.SerialNumber, d.Identity?.Firmware }.Where(s => !string.IsNullOrEmpty(s))),
                ]));
            return 0;
        }));
        return command;
    }

    private static string Span(TimeSpan span) => span.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h{span.Minutes:00}m")
        : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}m{span.Seconds:00}s");
}
