using System.CommandLine;
using Gateway.Drivers.Pcsc;

namespace Gateway.Cli.Chip;

/// <summary><c>gatewayctl chip readers</c>: the PC/SC readers, whether a card is on each, and its ATR.</summary>
internal static class ChipReadersCommand
{
    public static Command Create(Console console)
    {
        var command = new Command("readers", "List the PC/SC readers and the cards on them.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                using var context = PcscContext.Establish();
                var states = context.GetStates();
                if (parse.GetValue(GlobalOptions.Json))
                {
                    var items = states.Select(s => new { reader = s.Reader, cardPresent = s.CardPresent, atr = Convert.ToHexString(s.Atr) });
                    await console.Out.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(items));
                    return 0;
                }

                if (states.Count == 0)
                {
                    await console.Out.WriteLineAsync("No PC/SC reader is connected.");
                }

                foreach (var state in states)
                {
                    await console.Out.WriteLineAsync(state.CardPresent ? $"{state.Reader}\tcard present\tATR {Convert.ToHexString(state.Atr)}" : $"{state.Reader}\tno card");
                }

                return 0;
            }
            catch (PcscException ex)
            {
                await console.Error.WriteLineAsync($"gatewayctl: {ex.Message}");
                return 1;
            }
        });
        return command;
    }
}
