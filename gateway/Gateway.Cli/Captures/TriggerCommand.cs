using System.CommandLine;
using Gateway.Contracts.V1;

namespace Gateway.Cli.Captures;

/// <summary><c>gatewayctl trigger DEVICE</c>: asks a device to capture now and prints the capture.</summary>
internal static class TriggerCommand
{
    public static Command Create(Console console)
    {
        var device = new Argument<string>("device") { Description = "The device id." };
        var kind = new Option<CaptureKind>("--kind") { Description = "What to capture (default: the device's own kind)." };
        var command = new Command("trigger", "Ask a device to capture now (camera portrait, fingerprint, simulated document).")
        {
            device, kind,
        };
        command.SetAction((parse, cancellationToken) => Calls.RunAsync(console, async () =>
        {
            using var channel = GlobalOptions.Channel(parse);
            var capture = await new CaptureService.CaptureServiceClient(channel).TriggerCaptureAsync(
                new TriggerCaptureRequest { DeviceId = parse.GetValue(device), Kind = parse.GetValue(kind) },
                cancellationToken: cancellationToken);
            await console.Out.WriteLineAsync(parse.GetValue(GlobalOptions.Json)
                ? GlobalOptions.ToJson(capture)
                : $"capture {capture.Id} #{capture.Sequence} {Names.Of(capture.Kind)} verified={(capture.Verified ? "yes" : "no")}");
            return 0;
        }));
        return command;
    }
}
