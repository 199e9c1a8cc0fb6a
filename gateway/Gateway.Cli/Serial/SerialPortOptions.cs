using System.CommandLine;
using Gateway.Drivers.Serial;
using Gateway.Drivers.Serial.Framing;

namespace Gateway.Cli.Serial;

/// <summary>The port and framing options <c>serial sniff</c> and <c>serial emulate</c> share.</summary>
internal sealed class SerialPortOptions
{
    public Argument<string> Port { get; } = new("port") { Description = "The port: /dev/ttyUSB0, /dev/serial/by-id/…, a socat link, COM3." };

    public Option<string> Profile { get; } = new("--profile", "-p")
    {
        Description = $"The framing: {string.Join(", ", FrameProfiles.All.Select(p => p.Name))}.",
        DefaultValueFactory = _ => FrameProfiles.Lines.Name,
    };

    public Option<int> Baud { get; } = new("--baud") { Description = "Bits per second.", DefaultValueFactory = _ => 9600 };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Port);
        command.Options.Add(Profile);
        command.Options.Add(Baud);
        Profile.AcceptOnlyFromAmong([.. FrameProfiles.All.Select(p => p.Name)]);
    }

    public SerialReaderOptions Read(ParseResult parse) => new()
    {
        Port = parse.GetValue(Port)!,
        Profile = parse.GetValue(Profile)!,
        BaudRate = parse.GetValue(Baud),
    };
}
