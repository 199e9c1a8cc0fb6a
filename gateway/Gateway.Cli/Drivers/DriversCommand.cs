using System.CommandLine;
using Gateway.Contracts.V1;

namespace Gateway.Cli.Drivers;

/// <summary><c>gatewayctl drivers list</c>: the driver packages the gateway found, loaded or malfunctioned.</summary>
internal static class DriversCommand
{
    public static Command Create(Console console)
    {
        var list = new Command("list", "List the driver packages: id, version, contract, state, the drivers each provides, and why a package is malfunctioned.");
        list.SetAction((parse, cancellationToken) => Calls.RunAsync(console, async () =>
        {
            using var channel = GlobalOptions.Channel(parse);
            var response = await new DeviceService.DeviceServiceClient(channel)
                .ListDriversAsync(new ListDriversRequest(), cancellationToken: cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                foreach (var package in response.Drivers)
                {
                    await console.Out.WriteLineAsync(GlobalOptions.ToJson(package));
                }

                return 0;
            }

            Table.Write(
                console.Out,
                ["ID", "VERSION", "CONTRACT", "STATE", "PROVIDES", "FOLDER", "REASON"],
                response.Drivers.Select(d => (IReadOnlyList<string>)
                [
                    d.Id,
                    d.Version,
                    d.Contract.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Names.Of(d.State),
                    string.Join(", ", d.Provides.Select(p => p.Name)),
                    d.Folder,
                    d.Reason,
                ]));
            return 0;
        }));
        return new Command("drivers", "Driver packages.") { list };
    }
}
