namespace Gateway.Drivers;

/// <summary>A device or driver failure, with a stable code and whether retrying can help.</summary>
public class DeviceException : Exception
{
    /// <summary>Creates a device failure.</summary>
    /// <param name="code">A stable, dotted code such as <c>serial.port_missing</c>, for clients and diagnostics.</param>
    /// <param name="message">A technician-readable description. Never include personal data.</param>
    /// <param name="isTransient">Whether retrying (reopening the device) can help.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public DeviceException(string code, string message, bool isTransient = true, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        IsTransient = isTransient;
    }

    /// <summary>A stable, dotted code such as <c>serial.port_missing</c>.</summary>
    public string Code { get; }

    /// <summary>Whether retrying (reopening the device) can help.</summary>
    public bool IsTransient { get; }
}
