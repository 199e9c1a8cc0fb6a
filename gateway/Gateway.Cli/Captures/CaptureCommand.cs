using System.CommandLine;

namespace Gateway.Cli.Captures;

/// <summary><c>gatewayctl capture …</c>: captures of a given kind, with their options.</summary>
internal static class CaptureCommand
{
    public static Command Create(Console console)
    {
        var command = new Command("capture", "Ask a device for a capture of a given kind.");
        command.Subcommands.Add(CaptureFingerCommand.Create(console));
        return command;
    }
}
