namespace Gateway.Drivers;

/// <summary>
/// Optional: a driver that knows how to test its device implements this, and the technician's health checks use it.
/// A driver that does not, or that returns null for a level, gets the gateway's default check for that level (its state
/// for <see cref="HealthCheckLevel.Internal"/>, a capture that is not published for <see cref="HealthCheckLevel.External"/>,
/// a real capture checked like any other for <see cref="HealthCheckLevel.Interactive"/>).
/// </summary>
public interface IHealthCheckable
{
    /// <summary>Checks the device at <paramref name="level"/>; null leaves that level to the gateway's default.</summary>
    /// <remarks>
    /// Called only while <see cref="IDeviceDriver.RunAsync"/> is running, never at the same time as a capture. The gateway
    /// bounds the call with a timeout and cancels <paramref name="cancellationToken"/> when it passes; a check that ignores
    /// it is still reported failed on time. Throwing a <see cref="DeviceException"/> reports the check failed with its code.
    /// </remarks>
    Task<HealthCheckResult?> CheckHealthAsync(HealthCheckLevel level, CancellationToken cancellationToken);
}

/// <summary>How deep a health check goes.</summary>
public enum HealthCheckLevel
{
    /// <summary>The driver's own self-test; no device I/O.</summary>
    Internal = 1,

    /// <summary>Talks to the device (opens the port, grabs a frame, queries the scanner); publishes nothing.</summary>
    External = 2,

    /// <summary>The technician presents a document, finger or face and the capture made of it is checked.</summary>
    Interactive = 3,
}

/// <summary>The result of a driver's health check.</summary>
/// <param name="Passed">Whether the device passed.</param>
/// <param name="Code">A stable dotted code, e.g. <c>acme.lamp_weak</c>.</param>
/// <param name="Detail">What was found, in English, for technicians; never personal data.</param>
public sealed record HealthCheckResult(bool Passed, string Code, string Detail)
{
    /// <summary>Structured facts (firmware, lamp hours, image size…); never personal data.</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();
}
