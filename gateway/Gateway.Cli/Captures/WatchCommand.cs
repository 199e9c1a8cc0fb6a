using System.CommandLine;
using System.Globalization;
using Gateway.Contracts.V1;
using Grpc.Core;

namespace Gateway.Cli.Captures;

/// <summary>
/// <c>gatewayctl watch</c>: prints the capture stream. When the stream breaks (gateway restarting, network, falling
/// behind) it reconnects and resumes after the last capture it printed, so nothing is skipped or printed twice.
/// </summary>
internal static class WatchCommand
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    public static Command Create(Console console)
    {
        var after = new Option<ulong>("--after") { Description = "Resume after this sequence number (0 = everything the gateway still holds)." };
        var devices = new Option<string[]>("--device", "-d") { Description = "Only captures of this device (repeatable)." };
        var count = new Option<int>("--count", "-n") { Description = "Stop after this many captures (0 = until Ctrl+C)." };
        var omitImages = new Option<bool>("--omit-images") { Description = "Leave image bytes out of the JSON output." };
        var command = new Command("watch", "Print captures as they arrive; resumes by itself after a disconnect.")
        {
            after, devices, count, omitImages,
        };
        command.SetAction((parse, cancellationToken) => Calls.RunAsync(console, async () =>
        {
            var request = new WatchCapturesRequest { AfterSequence = parse.GetValue(after) };
            request.DeviceIds.AddRange(parse.GetValue(devices) ?? []);
            var limit = parse.GetValue(count);
            var json = parse.GetValue(GlobalOptions.Json);
            var printed = 0;
            var delay = TimeSpan.FromSeconds(1);
            using var channel = GlobalOptions.Channel(parse);
            var client = new CaptureService.CaptureServiceClient(channel);
            if (!json)
            {
                await console.Out.WriteLineAsync("SEQ  TIME (UTC)  DEVICE  KIND  VERIFIED  CHECKS  DETAIL");
            }

            while (true)
            {
                try
                {
                    using var call = client.WatchCaptures(request, cancellationToken: cancellationToken);
                    await foreach (var capture in call.ResponseStream.ReadAllAsync(cancellationToken))
                    {
                        delay = TimeSpan.FromSeconds(1);
                        await console.Out.WriteLineAsync(json ? Json(capture, parse.GetValue(omitImages)) : Line(capture));
                        await console.Out.FlushAsync(cancellationToken);
                        request.AfterSequence = capture.Sequence;
                        if (limit > 0 && ++printed >= limit)
                        {
                            return 0;
                        }
                    }

                    return 0;
                }
                catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.ResourceExhausted or StatusCode.Internal or StatusCode.Unknown)
                {
                    await console.Error.WriteLineAsync(
                        $"gatewayctl: stream interrupted ({ex.StatusCode}); resuming after sequence {request.AfterSequence} in {delay.TotalSeconds:0} s");
                    await Task.Delay(delay, cancellationToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
                }
            }
        }));
        return command;
    }

    private static string Json(Capture capture, bool omitImages)
    {
        if (omitImages)
        {
            capture = capture.Clone();
            foreach (var image in Images(capture))
            {
                image.Data = Google.Protobuf.ByteString.Empty;
            }
        }

        return GlobalOptions.ToJson(capture);
    }

    private static IEnumerable<Image> Images(Capture capture) => capture.PayloadCase switch
    {
        Capture.PayloadOneofCase.Document => capture.Document.Pages,
        Capture.PayloadOneofCase.Image => capture.Image.Images,
        Capture.PayloadOneofCase.Portrait => [capture.Portrait.Image],
        Capture.PayloadOneofCase.Fingerprints => capture.Fingerprints.Fingers.Select(f => f.Image),
        Capture.PayloadOneofCase.Chip when capture.Chip.Portrait is { } portrait => [portrait],
        _ => [],
    };

    private static string Line(Capture capture)
    {
        var passed = capture.Checks.Count(c => c.Outcome == CheckOutcome.Passed);
        var time = capture.CapturedAt?.ToDateTimeOffset().ToString("HH:mm:ss", CultureInfo.InvariantCulture) ?? "-";
        return string.Join(
            "  ",
            capture.Sequence.ToString(CultureInfo.InvariantCulture),
            time,
            capture.DeviceId,
            Names.Of(capture.Kind),
            capture.Verified ? "yes" : "no",
            $"{passed}/{capture.Checks.Count}",
            Detail(capture));
    }

    /// <summary>What was captured, without personal data (no names or numbers on a shared screen).</summary>
    private static string Detail(Capture capture) => capture.PayloadCase switch
    {
        Capture.PayloadOneofCase.Document => string.IsNullOrEmpty(capture.Document.Fields?.Format)
            ? $"MRZ {capture.Document.MrzLines.Count} lines"
            : $"{capture.Document.Fields.Format} {capture.Document.Fields.DocumentCode} {capture.Document.Fields.IssuingState}",
        Capture.PayloadOneofCase.Barcode => $"{capture.Barcode.Symbology} {capture.Barcode.Raw.Length} bytes {capture.Barcode.PayloadType}".TrimEnd(),
        Capture.PayloadOneofCase.Portrait => Describe(capture.Portrait.Image),
        Capture.PayloadOneofCase.Image => string.Join(", ", capture.Image.Images.Select(Describe)),
        Capture.PayloadOneofCase.Fingerprints => string.Join(", ", capture.Fingerprints.Fingers.Select(f => $"{Names.Of(f.Position)} {Describe(f.Image)}")),
        Capture.PayloadOneofCase.Chip => $"{Names.Of(capture.Chip.AccessProtocol)} DG {string.Join(",", capture.Chip.DataGroups)} {capture.Chip.ElapsedMs:F0} ms"
            + (capture.Chip.Mrz is { } dg1 ? $" {dg1.Summary.Format} {dg1.Summary.DocumentCode} {dg1.Summary.IssuingState}" : string.Empty),
        _ => string.Empty,
    };

    private static string Describe(Image image) =>
        $"{image.Width}x{image.Height} {Names.Of(image.Format)} {image.Data.Length / 1024} KiB";
}
