using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Gateway.Host.Devices;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Configuration;

/// <summary>Checks the whole <c>Gateway</c> section at start; every message names the configuration key.</summary>
internal sealed partial class GatewayOptionsValidator(DriverCatalog drivers) : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var errors = new List<string>();
        Annotations(options, GatewayOptions.Section, errors);
        Annotations(options.Captures, $"{GatewayOptions.Section}:Captures", errors);
        Annotations(options.Fingerprints, $"{GatewayOptions.Section}:Fingerprints", errors);
        Annotations(options.Chip, $"{GatewayOptions.Section}:Chip", errors);
        if (options.Chip.CscaFolder.Length > 0 && !Directory.Exists(options.Chip.CscaFolder))
        {
            errors.Add($"{GatewayOptions.Section}:Chip:CscaFolder: the folder '{options.Chip.CscaFolder}' does not exist.");
        }

        Annotations(options.Journal, $"{GatewayOptions.Section}:Journal", errors);
        errors.AddRange(Security.SecurityValidation.Validate(options));
        if (options.Barcodes.TrustStore.Length > 0 && !Directory.Exists(options.Barcodes.TrustStore))
        {
            errors.Add($"{GatewayOptions.Section}:Barcodes:TrustStore: the folder '{options.Barcodes.TrustStore}' does not exist.");
        }
        if (options.Supervisor.InitialBackoff <= TimeSpan.Zero || options.Supervisor.MaxBackoff < options.Supervisor.InitialBackoff)
        {
            errors.Add($"{GatewayOptions.Section}:Supervisor: InitialBackoff must be positive and not above MaxBackoff.");
        }

        if (options.Devices.Count == 0)
        {
            errors.Add($"{GatewayOptions.Section}:Devices: no device is configured.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var device in options.Devices)
        {
            var path = device.Section.Path;
            if (!IdPattern().IsMatch(device.Id))
            {
                errors.Add($"{path}:Id: '{device.Id}' is not a device id (1–64 letters, digits, '.', '_' or '-').");
            }
            else if (!seen.Add(device.Id))
            {
                errors.Add($"{path}:Id: '{device.Id}' is used by another device.");
            }

            if (!drivers.TryGet(device.Driver, out var factory))
            {
                errors.Add($"{path}:Driver: unknown driver '{device.Driver}'; known drivers: {string.Join(", ", drivers.Names)}.");
                continue;
            }

            errors.AddRange(factory.Validate(device.Settings).Select(e => e.ToString()));
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Annotations(object options, string path, List<string> errors)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        errors.AddRange(results.Select(r => $"{path}:{r.MemberNames.FirstOrDefault()}: {r.ErrorMessage}"));
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex IdPattern();
}
