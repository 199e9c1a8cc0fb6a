using System.CommandLine;
using Gateway.Contracts.V1;

namespace Gateway.Cli.Devices;

/// <summary><c>gatewayctl devices</c>: the gateway's devices and their states; <c>devices enable ID</c> puts one back in service.</summary>
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
        command.Subcommands.Add(Enable(console));
        return command;
    }

    private static Command Enable(Console console)
    {
        var id = new Argument<string>("DEVICE") { Description = "The device id." };
        var enable = new Command("enable", "Put a malfunctioned (out of service) device back in service: its driver starts again.") { id };
        enable.SetAction((parse, cancellationToken) => Calls.RunAsync(console, async () =>
        {
            using var channel = GlobalOptions.Channel(parse);
            var device = await new DeviceService.DeviceServiceClient(channel)
                .EnableDeviceAsync(new EnableDeviceRequest { DeviceId = parse.GetValue(id) }, cancellationToken: cancellationToken);
            await console.Out.WriteLineAsync(parse.GetValue(GlobalOptions.Json)
                ? GlobalOptions.ToJson(device)
                : $"{device.Id}: {Names.Of(device.State)}");
            return 0;
        }));
        return enable;
    }
}
