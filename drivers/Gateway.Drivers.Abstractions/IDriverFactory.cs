using Microsoft.Extensions.Configuration;

namespace Gateway.Drivers;

/// <summary>
/// Makes drivers of one kind. The host finds a factory by <see cref="Name"/> (the <c>Driver</c> key of a device's
/// configuration), validates each device's <c>Settings</c> section at start, and creates one driver per start of
/// the device.
/// </summary>
/// <remarks>Derive from <see cref="DriverFactory{TOptions}"/> rather than implementing this directly.</remarks>
public interface IDriverFactory
{
    /// <summary>The driver name used in configuration, e.g. <c>serial</c> or <c>simulated-camera</c>.</summary>
    string Name { get; }

    /// <summary>The class of the devices this factory's drivers drive.</summary>
    DeviceClass DeviceClass { get; }

    /// <summary>Checks a device's settings; an empty list means they are valid.</summary>
    /// <param name="settings">The device's <c>Settings</c> section (it may not exist: defaults apply).</param>
    IReadOnlyList<DriverSettingError> Validate(IConfigurationSection settings);

    /// <summary>Creates a driver for one start of a device whose settings passed <see cref="Validate"/>.</summary>
    /// <param name="deviceId">The configured device id.</param>
    /// <param name="settings">The device's <c>Settings</c> section.</param>
    IDeviceDriver Create(string deviceId, IConfigurationSection settings);
}

/// <summary>A problem with one configuration key of a device's settings.</summary>
/// <param name="Key">The full configuration key, e.g. <c>Gateway:Devices:0:Settings:BaudRate</c>.</param>
/// <param name="Message">What is wrong with it, for the person editing the configuration.</param>
public sealed record DriverSettingError(string Key, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Key}: {Message}";
}
