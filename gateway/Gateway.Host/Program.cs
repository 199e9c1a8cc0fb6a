using Gateway.Host;
using Gateway.Host.Configuration;
using Microsoft.Extensions.Options;

try
{
    await GatewayApplication.Build(args).RunAsync();
    return 0;
}
catch (Exception ex) when (ex is OptionsValidationException or GatewayConfigurationException)
{
    var errors = ex is OptionsValidationException validation ? validation.Failures : [ex.Message];
    await Console.Error.WriteLineAsync("The gateway cannot start: its configuration is not valid.");
    foreach (var error in errors)
    {
        await Console.Error.WriteLineAsync($"  {error}");
    }

    return 2;
}
