using System.CommandLine;
using Gateway.Contracts.V1;
using Grpc.Core;

namespace Gateway.Cli.Booth;

/// <summary>
/// <c>gatewayctl booth</c>: the reference booth client. Runs one traveller session in the terminal — prompts, progress,
/// captures with their checks, and the record with its verdict and reasons — interactively, or by itself with
/// <c>--auto</c> (each step captured on command, then completed), for technicians and trainers.
/// </summary>
internal static class BoothCommand
{
    public static Command Create(Console console)
    {
        var booth = new Option<string>("--booth-id") { Description = "This booth's name, shown to others in 'claimed by'.", DefaultValueFactory = _ => Environment.MachineName };
        var devices = new Option<string[]>("--device") { Description = "A device to claim (repeatable); every device when none." };
        var steps = new Option<string[]>("--step") { Description = "A step: document, portrait, fingerprints (repeatable, in order); the gateway's default when none." };
        var auto = new Option<bool>("--auto") { Description = "Capture each step on command as it comes, then complete: no keyboard needed." };
        var resume = new Option<string>("--resume") { Description = "Continue a session after a reconnect." };
        var command = new Command("booth", "Run a traveller session: claim the booth's devices, capture document, portrait and fingerprints, and show the record.")
        {
            booth, devices, steps, auto, resume,
        };
        command.SetAction((parse, cancellationToken) => Calls.RunAsync(console, async () =>
        {
            var start = new StartSession { BoothId = parse.GetValue(booth)!, ResumeSessionId = parse.GetValue(resume) ?? string.Empty };
            start.DeviceIds.AddRange(parse.GetValue(devices) ?? []);
            foreach (var step in parse.GetValue(steps) ?? [])
            {
                if (!Enum.TryParse<SessionStep>(step, ignoreCase: true, out var parsed) || parsed is SessionStep.Unspecified or SessionStep.Review)
                {
                    await console.Error.WriteLineAsync($"gatewayctl: unknown step '{step}' (document, portrait, fingerprints).");
                    return 2;
                }

                start.Steps.Add(parsed);
            }

            using var channel = GlobalOptions.Channel(parse);
            using var call = new SessionService.SessionServiceClient(channel).RunSession(cancellationToken: cancellationToken);
            await call.RequestStream.WriteAsync(new SessionCommand { Start = start }, cancellationToken);
            var json = parse.GetValue(GlobalOptions.Json);
            var automatic = parse.GetValue(auto);
            using var keyboard = new CancellationTokenSource();
            if (!automatic)
            {
                await console.Out.WriteLineAsync("Keys: Enter = capture the current step, r STEP = redo a step, done = complete, quit = abandon.");
                _ = Task.Run(() => KeyboardAsync(console, call.RequestStream, keyboard.Token), keyboard.Token);
            }

            try
            {
                return await EventsAsync(console, call, automatic, json, cancellationToken);
            }
            finally
            {
                await keyboard.CancelAsync();
            }
        }));
        return command;
    }

    private static async Task<int> EventsAsync(Console console, AsyncDuplexStreamingCall<SessionCommand, SessionEvent> call, bool automatic, bool json, CancellationToken cancellationToken)
    {
        var lastStep = SessionStep.Unspecified;
        await foreach (var sessionEvent in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            if (json)
            {
                await console.Out.WriteLineAsync(GlobalOptions.ToJson(sessionEvent));
            }

            switch (sessionEvent.EventCase)
            {
                case SessionEvent.EventOneofCase.Started when !json:
                    await console.Out.WriteLineAsync($"session {sessionEvent.SessionId} ({(sessionEvent.Started.Resumed ? "resumed" : "new")}) booth {sessionEvent.Started.BoothId}, devices {string.Join(", ", sessionEvent.Started.DeviceIds)}");
                    break;
                case SessionEvent.EventOneofCase.Step:
                    var step = sessionEvent.Step.Step;
                    if (!json)
                    {
                        await console.Out.WriteLineAsync($"[{Names.Of(step)}] {sessionEvent.Step.Prompt}");
                    }

                    if (automatic && step != lastStep)
                    {
                        await call.RequestStream.WriteAsync(
                            step == SessionStep.Review
                                ? new SessionCommand { Complete = new CompleteSession() }
                                : new SessionCommand { Capture = new CaptureStep { Step = step } },
                            cancellationToken);
                    }

                    lastStep = step;
                    break;
                case SessionEvent.EventOneofCase.Attached when !json:
                    var capture = sessionEvent.Attached.Capture;
                    var passed = capture.Checks.Count(c => c.Outcome == CheckOutcome.Passed);
                    await console.Out.WriteLineAsync($"  + {Names.Of(capture.Kind)} from {capture.DeviceId}: verified {(capture.Verified ? "yes" : "no")}, {passed}/{capture.Checks.Count} checks");
                    break;
                case SessionEvent.EventOneofCase.Notice when !json:
                    await console.Out.WriteLineAsync($"  ! {sessionEvent.Notice.Message}");
                    break;
                case SessionEvent.EventOneofCase.Completed:
                    if (!json)
                    {
                        await console.Out.WriteLineAsync(Summary(sessionEvent.Completed));
                    }

                    return 0;
                case SessionEvent.EventOneofCase.Abandoned:
                    if (!json)
                    {
                        await console.Out.WriteLineAsync($"abandoned: {sessionEvent.Abandoned.Reason}");
                    }

                    return 1;
            }
        }

        return 1;
    }

    private static async Task KeyboardAsync(Console console, IClientStreamWriter<SessionCommand> commands, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && await console.In.ReadLineAsync(cancellationToken) is { } line)
        {
            var words = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var command = words.FirstOrDefault()?.ToLowerInvariant() switch
            {
                null or "c" or "capture" => new SessionCommand { Capture = new CaptureStep() },
                "r" or "retry" when words.Length > 1 && Enum.TryParse<SessionStep>(words[1], ignoreCase: true, out var step) =>
                    new SessionCommand { Retry = new RetryStep { Step = step } },
                "done" or "complete" => new SessionCommand { Complete = new CompleteSession() },
                "quit" or "abandon" => new SessionCommand { Abandon = new AbandonSession { Reason = "by the officer" } },
                _ => null,
            };
            if (command is null)
            {
                await console.Out.WriteLineAsync("  ? Enter, r STEP, done or quit");
                continue;
            }

            await commands.WriteAsync(command, cancellationToken);
        }
    }

    private static string Summary(TravellerRecord record)
    {
        using var text = new StringWriter();
        var fields = record.Document?.Fields;
        text.WriteLine($"record {record.Id}: VERIFIED {(record.Verified ? "yes" : "no")}");
        if (fields is not null)
        {
            text.WriteLine($"  traveller  {fields.Surname}, {fields.GivenNames} ({fields.NationalityCode}) born {fields.BirthDate}, {fields.Format} {fields.DocumentNumber} expires {fields.ExpiryDate}");
        }

        var flags = record.Flags;
        var marks = new List<string>();
        if (flags.Minor)
        {
            marks.Add($"MINOR ({flags.Age})");
        }

        if (flags.Expired)
        {
            marks.Add("EXPIRED");
        }
        else if (flags.ExpiresSoon)
        {
            marks.Add("expires soon");
        }

        text.WriteLine($"  flags      {(marks.Count == 0 ? "-" : string.Join(", ", marks))}");
        text.WriteLine($"  captures   {record.CaptureIds.Count}, checks {record.Checks.Count(c => c.Outcome == CheckOutcome.Passed)}/{record.Checks.Count} passed");
        foreach (var comparison in record.Comparisons)
        {
            text.WriteLine($"  compare    {comparison.Field}: {comparison.Source} '{comparison.Value}' vs {comparison.OtherSource} '{comparison.OtherValue}' → {(comparison.Agree ? "agree" : "DISAGREE")}");
        }

        foreach (var reason in record.Reasons)
        {
            text.WriteLine($"  reason     {reason}");
        }

        return text.ToString().TrimEnd();
    }
}
