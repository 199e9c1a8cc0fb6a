using System.Globalization;
using Gateway.Contracts.V1;

namespace Gateway.Cli.Diag;

/// <summary>How health results are printed: outcome names, colours on a terminal, the technician's prompt.</summary>
internal static class HealthText
{
    /// <summary>
    /// Colours only when writing to the terminal itself (not a file, a pipe or a test's writer) and <c>NO_COLOR</c> is
    /// not set (no-color.org).
    /// </summary>
    public static bool UseColour(Console console) =>
        ReferenceEquals(console.Out, System.Console.Out) && !System.Console.IsOutputRedirected
        && Environment.GetEnvironmentVariable("NO_COLOR") is null;

    public static string Outcome(HealthOutcome outcome, bool colour)
    {
        var (name, code) = outcome switch
        {
            HealthOutcome.Passed => ("PASSED", "32"),
            HealthOutcome.Failed => ("FAILED", "31"),
            HealthOutcome.NotSupported => ("NOT SUPPORTED", "33"),
            _ => ("-", "0"),
        };
        return colour ? $"\u001b[{code}m{name}\u001b[0m" : name;
    }

    public static string Seconds(Google.Protobuf.WellKnownTypes.Duration? duration) =>
        (duration?.ToTimeSpan().TotalSeconds ?? 0).ToString("0.00 's'", CultureInfo.InvariantCulture);

    public static HealthLevel ParseLevel(string text) => text.ToLowerInvariant() switch
    {
        "internal" => HealthLevel.Internal,
        "external" => HealthLevel.External,
        "interactive" => HealthLevel.Interactive,
        _ => HealthLevel.Unspecified,
    };

    /// <summary>What the technician must do for an interactive check of a device of this class.</summary>
    public static string Prompt(Device device) => device.DeviceClass switch
    {
        DeviceClass.DocumentReader => $"Present a document to {device.Id} now.",
        DeviceClass.Camera => $"Stand in front of {device.Id} now.",
        DeviceClass.FingerprintScanner => $"Place a finger on {device.Id} now.",
        DeviceClass.BarcodeScanner => $"Present a barcode to {device.Id} now.",
        _ => $"Use {device.Id} now.",
    };

    /// <summary>
    /// Runs a health check while printing its progress to the error stream once a second (a long check, e.g. an
    /// interactive one, shows it is still waiting).
    /// </summary>
    public static async Task<HealthResult> CheckWithProgressAsync(
        DiagnosticsService.DiagnosticsServiceClient client, CheckHealthRequest request, Console console, TimeProvider time, CancellationToken cancellationToken)
    {
        var call = client.CheckHealthAsync(request, cancellationToken: cancellationToken).ResponseAsync;
        var started = time.GetTimestamp();
        while (true)
        {
            var tick = Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
            if (await Task.WhenAny(call, tick) == call)
            {
                return await call;
            }

            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {request.DeviceId}: {Names.Of(request.Level)} check running… {time.GetElapsedTime(started).TotalSeconds:0} s"));
        }
    }
}
