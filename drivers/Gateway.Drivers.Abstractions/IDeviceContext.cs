using Microsoft.Extensions.Logging;

namespace Gateway.Drivers;

/// <summary>What the host gives a running driver: its identity, time, logging, and the way to report.</summary>
public interface IDeviceContext
{
    /// <summary>The configured device id.</summary>
    string DeviceId { get; }

    /// <summary>The clock every wait of the driver must use.</summary>
    TimeProvider TimeProvider { get; }

    /// <summary>A logger for this device. Never log personal data (names, numbers, MRZ text, images).</summary>
    ILogger Logger { get; }

    /// <summary>Reports a state change (<see cref="DeviceState.Ready"/> once open, <see cref="DeviceState.Busy"/> while capturing).</summary>
    /// <remarks><see cref="DeviceState.Faulted"/> is reported by throwing from <see cref="IDeviceDriver.RunAsync"/>.</remarks>
    void ReportState(DeviceState state);

    /// <summary>Reports what the driver learnt of the hardware (vendor, model, serial number, firmware).</summary>
    void ReportIdentity(DeviceIdentity identity);

    /// <summary>
    /// Reports an incident the device recovered from, or a loss it cannot recover (a torn frame): the host sends it to
    /// every device watcher as an event and logs it. Never throws.
    /// </summary>
    void ReportIncident(DeviceIncident incident);

    /// <summary>
    /// Reports that a document was placed on (<paramref name="placed"/> true) or taken off (false) a full-page reader's
    /// glass, before and after its page capture; the host sends it to every device watcher as an event, so a booth can
    /// prompt the officer. Readers that cannot tell never call it. Never throws. (Added in contract version 1; the
    /// default does nothing, for hosts and test contexts that predate it.)
    /// </summary>
    /// <param name="placed">True when a document arrived, false when it left.</param>
    void ReportDocumentPresence(bool placed)
    {
    }

    /// <summary>
    /// Hands a capture the device made by itself to the host. Waits while the host's intake is full, so documents
    /// are never dropped; a camera that would rather drop frames should not publish each frame.
    /// </summary>
    ValueTask PublishAsync(CaptureData capture, CancellationToken cancellationToken);
}
