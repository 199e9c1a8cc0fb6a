using System.CommandLine;

namespace Gateway.Cli.Mrz;

/// <summary><c>gatewayctl mrz</c>: parse and generate MRZs without a gateway.</summary>
internal static class MrzCommand
{
    public static Command Create(Console console) => new("mrz", "Parse, check and generate machine-readable zones (ICAO Doc 9303).")
    {
        MrzParseCommand.Create(console),
        MrzGenerateCommand.Create(console),
        MrzOcrCommand.Create(console),
    };
}
