using System.CommandLine;
using Gateway.Cli.Barcode;
using Gateway.Cli.Booth;
using Gateway.Cli.Chip;
using Gateway.Cli.Captures;
using Gateway.Cli.Devices;
using Gateway.Cli.Diag;
using Gateway.Cli.Drivers;
using Gateway.Cli.Health;
using Gateway.Cli.Mrz;
using Gateway.Cli.Preview;
using Gateway.Cli.Serial;

namespace Gateway.Cli;

/// <summary>The <c>gatewayctl</c> command tree. Exit codes: 0 success, 1 the gateway said no or is unreachable, 2 usage.</summary>
internal static class GatewayCtl
{
    public static async Task<int> RunAsync(string[] args, Console console)
    {
        var root = new RootCommand("gatewayctl: inspect and test a Border Booth Gateway.")
        {
            GlobalOptions.Address,
            GlobalOptions.Token,
            GlobalOptions.Json,
        };
        root.Subcommands.Add(DevicesCommand.Create(console));
        root.Subcommands.Add(DriversCommand.Create(console));
        root.Subcommands.Add(BoothCommand.Create(console));
        root.Subcommands.Add(WatchCommand.Create(console));
        root.Subcommands.Add(TriggerCommand.Create(console));
        root.Subcommands.Add(CaptureCommand.Create(console));
        root.Subcommands.Add(HealthCommand.Create(console));
        root.Subcommands.Add(MrzCommand.Create(console));
        root.Subcommands.Add(BarcodeCommand.Create(console));
        root.Subcommands.Add(Page.PageCommand.Create(console));
        root.Subcommands.Add(ChipCommand.Create(console));
        root.Subcommands.Add(SerialCommand.Create(console));
        root.Subcommands.Add(PreviewCommand.Create(console));
        root.Subcommands.Add(DiagCommand.Create(console));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await console.Error.WriteLineAsync(error.Message);
            }

            return 2;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error });
    }
}
