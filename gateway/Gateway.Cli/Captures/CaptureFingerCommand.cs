using System.CommandLine;
using System.Globalization;
using Gateway.Contracts.V1;

namespace Gateway.Cli.Captures;

/// <summary>
/// <c>gatewayctl capture finger --device D --position right-slap</c>: asks a fingerprint scanner for a finger set and
/// prints each finger found with its quality, the checks and the instruction for the traveller.
/// </summary>
internal static class CaptureFingerCommand
{
    /// <summary>The position names the command takes, and the contract positions they stand for.</summary>
    private static readonly Dictionary<string, FingerPosition[]> Sets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["right-slap"] = [FingerPosition.PlainRightFourFingers],
        ["left-slap"] = [FingerPosition.PlainLeftFourFingers],
        ["thumbs"] = [FingerPosition.PlainThumbs],
        ["4-4-2"] = [FingerPosition.PlainRightFourFingers, FingerPosition.PlainLeftFourFingers, FingerPosition.PlainThumbs],
        ["right-thumb"] = [FingerPosition.RightThumb],
        ["right-index"] = [FingerPosition.RightIndex],
        ["right-middle"] = [FingerPosition.RightMiddle],
        ["right-ring"] = [FingerPosition.RightRing],
        ["right-little"] = [FingerPosition.RightLittle],
        ["left-thumb"] = [FingerPosition.LeftThumb],
        ["left-index"] = [FingerPosition.LeftIndex],
        ["left-middle"] = [FingerPosition.LeftMiddle],
        ["left-ring"] = [FingerPosition.LeftRing],
        ["left-little"] = [FingerPosition.LeftLittle],
    };

    public static Command Create(Console console)
    {
        var device = new Option<string>("--device") { Description = "The fingerprint scanner's device id.", Required = true };
        var position = new Option<string>("--position")
        {
            Description = "The fingers: right-slap, left-slap, thumbs, 4-4-2, or one finger (right-index, left-thumb, …).",
            DefaultValueFactory = _ => "right-index",
        };
        position.AcceptOnlyFromAmong([.. Sets.Keys]);
        var save = new Option<DirectoryInfo?>("--save") { Description = "Write each finger as PNG and as an ISO/IEC 19794-4 record (.fir) into this folder." };
        var command = new Command("finger", "Capture fingers on a fingerprint scanner and show each finger's quality.") { device, position, save };
        command.SetAction((parse, cancellationToken) => Calls.RunAsync(console, async () =>
        {
            using var channel = GlobalOptions.Channel(parse);
            var request = new TriggerCaptureRequest { DeviceId = parse.GetValue(device), Kind = CaptureKind.Fingerprint };
            request.FingerPositions.AddRange(Sets[parse.GetValue(position)!]);
            var capture = await new CaptureService.CaptureServiceClient(channel).TriggerCaptureAsync(request, cancellationToken: cancellationToken);
            if (parse.GetValue(save) is { } folder)
            {
                Save(capture, folder);
            }

            await console.Out.WriteLineAsync(parse.GetValue(GlobalOptions.Json) ? GlobalOptions.ToJson(capture) : Describe(capture));
            return 0;
        }));
        return command;
    }

    private static string Describe(Contracts.V1.Capture capture)
    {
        var fingerprints = capture.Fingerprints;
        var lines = new List<string>
        {
            $"capture {capture.Id} #{capture.Sequence} verified={(capture.Verified ? "yes" : "no")}: {fingerprints?.Feedback}",
        };
        foreach (var finger in fingerprints?.Segments ?? [])
        {
            lines.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"  {Names.Of(finger.Position),-14} quality {finger.Quality.Score,3}  {finger.Quality.FeedbackCode,-18} at {finger.Bounds.X},{finger.Bounds.Y} {finger.Bounds.Width}×{finger.Bounds.Height}  record {finger.Iso197944Record.Length} B"));
        }

        lines.AddRange(capture.Checks.Select(c => $"  {(c.Outcome == CheckOutcome.Passed ? "ok  " : "FAIL")} {c.Name} {c.Detail}"));
        return string.Join(Environment.NewLine, lines);
    }

    private static void Save(Contracts.V1.Capture capture, DirectoryInfo folder)
    {
        folder.Create();
        foreach (var finger in capture.Fingerprints?.Segments ?? [])
        {
            var name = Path.Combine(folder.FullName, $"{capture.Id}-{Names.Of(finger.Position)}");
            File.WriteAllBytes(name + ".png", finger.Image.Data.ToByteArray());
            File.WriteAllBytes(name + ".fir", finger.Iso197944Record.ToByteArray());
        }
    }
}
