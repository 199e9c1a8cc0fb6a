namespace Gateway.Host.Configuration;

/// <summary>One entry of the device list: <c>{ Id, Driver, Settings }</c>.</summary>
/// <param name="Section">The entry's configuration section; its path names keys in error messages.</param>
internal sealed record DeviceOptions(IConfigurationSection Section)
{
    public string Id => Section["Id"] ?? string.Empty;

    public string Driver => Section["Driver"] ?? string.Empty;

    public IConfigurationSection Settings => Section.GetSection("Settings");
}
