namespace Gateway.Drivers;

/// <summary>What a driver knows of its hardware; any part may be null when unknown.</summary>
/// <param name="Vendor">Manufacturer.</param>
/// <param name="Model">Model name.</param>
/// <param name="SerialNumber">Serial number.</param>
/// <param name="Firmware">Firmware version.</param>
public sealed record DeviceIdentity(string? Vendor, string? Model, string? SerialNumber = null, string? Firmware = null);
