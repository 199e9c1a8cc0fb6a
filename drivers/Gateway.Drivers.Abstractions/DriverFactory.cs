using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Gateway.Drivers;

/// <summary>
/// A driver factory whose settings bind to <typeparamref name="TOptions"/>: unknown keys, values that do not convert
/// and failed data annotations (<see cref="ValidationAttribute"/>, <see cref="IValidatableObject"/>) are errors
/// naming the configuration key.
/// </summary>
/// <typeparam name="TOptions">The driver's settings type; its property defaults are the documented defaults.</typeparam>
public abstract class DriverFactory<TOptions> : IDriverFactory
    where TOptions : class, new()
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract DeviceClass DeviceClass { get; }

    /// <inheritdoc />
    public IReadOnlyList<DriverSettingError> Validate(IConfigurationSection settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Bind(settings, out var errors);
        return errors;
    }

    /// <inheritdoc />
    public IDeviceDriver Create(string deviceId, IConfigurationSection settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = Bind(settings, out var errors);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(settings));
        }

        return Create(deviceId, options);
    }

    /// <summary>Creates a driver from validated settings.</summary>
    /// <param name="deviceId">The configured device id.</param>
    /// <param name="options">The device's settings.</param>
    protected abstract IDeviceDriver Create(string deviceId, TOptions options);

    private static TOptions Bind(IConfigurationSection settings, out List<DriverSettingError> errors)
    {
        errors = [];
        var options = new TOptions();
        try
        {
            settings.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            errors.Add(new DriverSettingError(settings.Path, ex.Message));
            return options;
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var member = result.MemberNames.FirstOrDefault();
            var key = member is null ? settings.Path : $"{settings.Path}:{member}";
            errors.Add(new DriverSettingError(key, result.ErrorMessage ?? "is not valid"));
        }

        return options;
    }
}
