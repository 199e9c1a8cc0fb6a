using System.CommandLine;
using Gateway.Contracts.V1;
using Grpc.Core;

namespace Gateway.Cli.Diag;

/// <summary><c>gatewayctl diag logs [-f] [--level warning] [--tail N]</c>: the gateway's own log lines (never personal data).</summary>
internal static class DiagLogsCommand
{
    public static Command Create(Console console)
    {
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new lines until Ctrl+C." };
        var level = new Option<string>("--level") { Description = "Lowest level shown: debug, information, warning, error, critical (default information).", DefaultValueFactory = _ => "information" };
        level.AcceptOnlyFromAmong("debug", "information", "warning", "error", "critical");
        var tail = new Option<uint>("--tail", "-n") { Description = "Most recent lines first (default 100).", DefaultValueFactory = _ => 100 };
        var command = new Command("logs", "Print the gateway's recent log lines, then new ones with -f.") { follow, level, tail };
        command.SetAction((parse, cancellationToken) => Calls.RunAsync(console, async () =>
        {
            using var channel = GlobalOptions.Channel(parse);
            var request = new WatchLogsRequest
            {
                Follow = parse.GetValue(follow),
                Tail = parse.GetValue(tail),
                MinLevel = Enum.Parse<Contracts.V1.LogSeverity>(parse.GetValue(level)!, ignoreCase: true),
            };
            var json = parse.GetValue(GlobalOptions.Json);
            using var call = new DiagnosticsService.DiagnosticsServiceClient(channel).WatchLogs(request, cancellationToken: cancellationToken);
            await foreach (var entry in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                await console.Out.WriteLineAsync(json ? GlobalOptions.ToJson(entry) : Line(entry));
                await console.Out.FlushAsync(cancellationToken);
            }

            return 0;
        }));
        return command;
    }

    public static string Line(LogEntry entry) =>
        $"{entry.Time.ToDateTimeOffset():yyyy-MM-dd HH:mm:ss.fff} {Level(entry.Level)} {entry.Category}[{entry.EventId}] {entry.Message}"
        + (entry.Exception.Length > 0 ? $" ({entry.Exception})" : string.Empty);

    private static string Level(Contracts.V1.LogSeverity level) => level switch
    {
        Contracts.V1.LogSeverity.Debug => "DBG",
        Contracts.V1.LogSeverity.Information => "INF",
        Contracts.V1.LogSeverity.Warning => "WRN",
        Contracts.V1.LogSeverity.Error => "ERR",
        Contracts.V1.LogSeverity.Critical => "CRT",
        _ => "TRC",
    };
}
