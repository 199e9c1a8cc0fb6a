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
public interface IFingerprintScanner : IDeviceDriver, ITriggerableDevice;

/// <summary>A stand-alone barcode scanner.</summary>
public interface IBarcodeScanner : IDeviceDriver;
