using System.CommandLine;

namespace Gateway.Cli.Serial;

/// <summary><c>gatewayctl serial</c>: diagnostics for serial readers, without a gateway.</summary>
internal static class SerialCommand
{
    public static Command Create(Console console) => new("serial", "List serial ports, watch what a reader sends, or act as a reader.")
    {
        SerialPortsCommand.Create(console),
        SerialSniffCommand.Create(console),
        SerialEmulateCommand.Create(console),
    };
}
