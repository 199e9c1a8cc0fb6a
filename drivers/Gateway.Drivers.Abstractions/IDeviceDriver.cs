namespace Gateway.Drivers;

/// <summary>
/// A driver for one device. The host creates it through its <see cref="IDriverFactory"/>, calls
/// <see cref="RunAsync"/> once, and disposes it when <see cref="RunAsync"/> has ended.
/// </summary>
/// <remarks>
/// A driver also implements the interface of its device class (<see cref="IDocumentReader"/>, <see cref="ICamera"/>,
/// <see cref="IFingerprintScanner"/>, <see cref="IBarcodeScanner"/>), and <see cref="ITriggerableDevice"/> when it
/// captures on command.
/// </remarks>
public interface IDeviceDriver : IAsyncDisposable
{
    /// <summary>
    /// Opens the device, reports <see cref="DeviceState.Ready"/> through <paramref name="context"/>, and publishes
    /// captures until <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    /// <remarks>
    /// Throwing (preferably a <see cref="DeviceException"/>) means the device failed: the host reports it Faulted,
    /// disposes this instance and starts a new one after a backoff. Returning before cancellation means the source
    /// ended for good (a video file played out): the host reports the device Stopped.
    /// </remarks>
    Task RunAsync(IDeviceContext context, CancellationToken cancellationToken);
}

/// <summary>A passport or ID card reader.</summary>
public interface IDocumentReader : IDeviceDriver;

/// <summary>A camera. Captures portraits on command.</summary>
public interface ICamera : IDeviceDriver, ITriggerableDevice;

/// <summary>A fingerprint scanner. Captures fingers on command.</summary>
/// <remarks>
/// While it waits for a finger and captures, a scanner reports what the officer should know as incidents with the codes
/// of <see cref="FingerprintEvents"/> (finger present, finger removed, retry reasons).
/// </remarks>
public interface IFingerprintScanner : IDeviceDriver, ITriggerableDevice
{
    /// <summary>What the scanner can take: capture modes, resolution and image size. Default: one flat finger at 500 ppi.</summary>
    FingerprintCapabilities Capabilities => FingerprintCapabilities.SingleFlatFinger;

    /// <summary>
    /// Captures the finger positions of <paramref name="request"/> now (waiting for the fingers to be placed) and
    /// returns them with <see cref="FingerprintPayload.RequestedPositions"/> set. The host publishes the result; the
    /// driver must not also publish it. The default captures the scanner's default kind and ignores the positions.
    /// </summary>
    /// <remarks>Called only while <see cref="IDeviceDriver.RunAsync"/> is running, and never at the same time as another capture.</remarks>
    /// <exception cref="DeviceException">The device failed, cannot take those positions, or no finger came in time.</exception>
    Task<CaptureData> CaptureFingersAsync(FingerCaptureRequest request, CancellationToken cancellationToken) =>
        CaptureAsync(CaptureKind.Fingerprint, cancellationToken);
}

/// <summary>A stand-alone barcode scanner.</summary>
public interface IBarcodeScanner : IDeviceDriver;
