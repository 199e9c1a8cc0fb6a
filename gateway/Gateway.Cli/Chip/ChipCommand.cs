using System.CommandLine;

namespace Gateway.Cli.Chip;

/// <summary>
/// <c>gatewayctl chip</c>: ePassport chips on the local PC/SC readers, read directly through the eMRTD library (no
/// gateway needed), for technicians checking a contactless reader and a document.
/// </summary>
internal static class ChipCommand
{
    public static Command Create(Console console) => new("chip", "Read and verify ePassport chips on local PC/SC readers.")
    {
        ChipReadCommand.Create(console),
        ChipReadersCommand.Create(console),
    };
}
