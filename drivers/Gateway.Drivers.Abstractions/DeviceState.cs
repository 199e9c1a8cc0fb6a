namespace Gateway.Drivers;

/// <summary>The life-cycle state of a device; numbering matches <c>gateway.v1.DeviceState</c>.</summary>
public enum DeviceState
{
    /// <summary>The driver is opening the device.</summary>
    Starting = 1,

    /// <summary>The device is open and waiting for work.</summary>
    Ready = 2,

    /// <summary>The device is capturing.</summary>
    Busy = 3,

    /// <summary>The device failed; the host restarts its driver with backoff.</summary>
    Faulted = 4,

    /// <summary>The device is stopped.</summary>
    Stopped = 5,

    /// <summary>
    /// Set by the host, never by a driver: the driver could not be loaded, kept crashing, or did not stop in time, and
    /// is held out of service until a technician re-enables the device.
    /// </summary>
    Malfunctioned = 6,
}
