namespace Gateway.Drivers;

/// <summary>A device that captures on command (a camera portrait, a fingerprint).</summary>
public interface ITriggerableDevice
{
    /// <summary>The capture kinds <see cref="CaptureAsync"/> accepts; the first is the default.</summary>
    IReadOnlyList<CaptureKind> TriggerKinds { get; }

    /// <summary>
    /// Captures one <paramref name="kind"/> now and returns it. The host publishes the result like any other capture;
    /// the driver must not also publish it through <see cref="IDeviceContext.PublishAsync"/>.
    /// </summary>
    /// <remarks>Called only while <see cref="IDeviceDriver.RunAsync"/> is running, and never twice at once.</remarks>
    /// <exception cref="DeviceException">The device failed or cannot capture now.</exception>
    Task<CaptureData> CaptureAsync(CaptureKind kind, CancellationToken cancellationToken);
}
