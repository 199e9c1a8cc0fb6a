using System.CommandLine;
using Gateway.Contracts.V1;

namespace Gateway.Cli.Devices;

/// <summary><c>gatewayctl devices</c>: the gateway's devices and their states.</summary>
internal static class DevicesCommand
{
    public static Command Create(Console console)
    {
        var command = new Command("devices", "List the gateway's devices and their states.");
        command.SetAction((parse, cancellationToken) => Calls.RunAsync(console, async () =>
        {
            using var channel = GlobalOptions.Channel(parse);
            var response = await new DeviceService.DeviceServiceClient(channel)
                .ListDevicesAsync(new ListDevicesRequest(), cancellationToken: cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                foreach (var device in response.Devices)
                {
                    await console.Out.WriteLineAsync(GlobalOptions.ToJson(device));
                }

                return 0;
            }

            Table.Write(
                console.Out,
                ["ID", "CLASS", "DRIVER", "STATE", "RESTARTS", "REASON"],
                response.Devices.Select(d => (IReadOnlyList<string>)
                [
                    d.Id, Names.Of(d.DeviceClass), d.Driver, Names.Of(d.State), d.Restarts.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Reason,
                ]));
            return 0;
        }));
        return command;
    }
}
