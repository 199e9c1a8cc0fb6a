using System.CommandLine;
using System.Globalization;
using Gateway.Contracts.V1;

namespace Gateway.Cli.Preview;

/// <summary>
/// <c>gatewayctl preview DEVICE --out DIR</c>: saves a camera's live preview frames as JPEG files and prints one line
/// per frame (number, size, latency from grab to arrival, the quality gate's instruction).
/// </summary>
internal static class PreviewCommand
{
    public static Command Create(Console console)
    {
        var device = new Argument<string>("device") { Description = "The camera's device id." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the frames (frame-000001.jpg …); created.", Required = true };
        var fps = new Option<float>("--max-fps") { Description = "Most frames per second (default 10).", DefaultValueFactory = _ => 10 };
        var width = new Option<uint>("--max-width") { Description = "Reduce frames wider than this (default 640).", DefaultValueFactory = _ => 640 };
        var quality = new Option<uint>("--quality") { Description = "JPEG quality 1–100 (default 75).", DefaultValueFactory = _ => 75 };
        var count = new Option<int>("--count") { Description = "Stop after this many frames (default: until Ctrl+C)." };
        var command = new Command("preview", "Save a camera's live preview frames, with the quality gate's feedback.")
        {
            device, output, fps, width, quality, count,
        };
        command.SetAction((parse, cancellationToken) => Calls.RunAsync(console, async () =>
        {
            var folder = parse.GetValue(output)!;
            folder.Create();
            var limit = parse.GetValue(count);
            var json = parse.GetValue(GlobalOptions.Json);
            using var channel = GlobalOptions.Channel(parse);
            using var call = new PreviewService.PreviewServiceClient(channel).StreamPreview(
                new StreamPreviewRequest
                {
                    DeviceId = parse.GetValue(device),
                    MaxFps = parse.GetValue(fps),
                    MaxWidth = parse.GetValue(width),
                    JpegQuality = parse.GetValue(quality),
                },
                cancellationToken: cancellationToken);
            var saved = 0;
            while (await call.ResponseStream.MoveNext(cancellationToken))
            {
                var frame = call.ResponseStream.Current;
                var received = DateTimeOffset.UtcNow;
                var file = Path.Combine(folder.FullName, $"frame-{frame.FrameNumber:000000}.jpg");
                await File.WriteAllBytesAsync(file, frame.Image.Data.Memory, cancellationToken);
                if (json)
                {
                    var copy = frame.Clone();
                    copy.Image.Data = Google.Protobuf.ByteString.Empty;
                    await console.Out.WriteLineAsync(GlobalOptions.ToJson(copy));
                }
                else
                {
                    var latency = (received - frame.GrabbedAt.ToDateTimeOffset()).TotalMilliseconds;
                    var feedback = frame.Feedback is { } f
                        ? $"{f.Code} {f.GoodFrames}/{f.GoodFramesNeeded}  {f.Instruction}"
                        : "-";
                    await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{frame.FrameNumber}  {frame.Image.Width}x{frame.Image.Height}  {frame.Image.Data.Length / 1024} KiB  {latency:0} ms  {feedback}"));
                }

                if (limit > 0 && ++saved >= limit)
                {
                    break;
                }
            }

            return 0;
        }));
        return command;
    }
}
