using Gateway.Drivers;

namespace Gateway.Host.Plugins;

/// <summary>
/// Stands in for a driver whose package could not be loaded, so the devices configured with it are listed as
/// Malfunctioned with the package's reason instead of stopping the gateway.
/// </summary>
internal sealed class QuarantinedDriverFactory(ProvidedDriver driver, DriverPackage package) : IDriverFactory
{
    public string Name => driver.Name;

    public DeviceClass DeviceClass => driver.DeviceClass;

    public string ReasonCode => package.ReasonCode;

    public string Reason => package.Reason;

    public IReadOnlyList<DriverSettingError> Validate(IConfigurationSection settings) => [];

    public IDeviceDriver Create(string deviceId, IConfigurationSection settings) =>
        throw new InvalidOperationException($"Driver package '{package.Id}' is malfunctioned: {package.Reason}");
}
