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
}
