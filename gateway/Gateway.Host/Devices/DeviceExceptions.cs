namespace Gateway.Host.Devices;

/// <summary>No device has the requested id.</summary>
internal sealed class DeviceNotFoundException(string message) : Exception(message);

/// <summary>The device cannot do what was asked in its current state or at all.</summary>
internal sealed class DevicePreconditionException(string message) : Exception(message);
