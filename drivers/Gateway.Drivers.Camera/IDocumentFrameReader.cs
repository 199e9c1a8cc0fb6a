using Gateway.Imaging;

namespace Gateway.Drivers.Camera;

/// <summary>
/// Reads documents from a document camera's frames. The barcode engine is one (<see cref="BarcodeFrameReader"/>); the
/// MRZ OCR engine plugs in the same way, through the <see cref="CameraDriver"/> constructor that takes readers.
/// </summary>
/// <remarks>Called from the driver's analysis loop, one frame at a time; an implementation need not be thread-safe.</remarks>
public interface IDocumentFrameReader
{
    /// <summary>A short name for logs, e.g. <c>barcode</c>.</summary>
    string Name { get; }

    /// <summary>Everything readable in one frame; empty when nothing was read.</summary>
    /// <param name="frame">A colour frame.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    IReadOnlyList<DocumentReading> Read(Frame frame, CancellationToken cancellationToken);
}

/// <summary>One thing read from a document frame.</summary>
/// <param name="Key">
/// Identifies the reading across frames (e.g. symbology and payload): the same key in consecutive frames makes it
/// stable, and a stable reading is published once.
/// </param>
/// <param name="Payload">The capture to publish once stable (a <see cref="BarcodePayload"/>, a <see cref="DocumentPayload"/>).</param>
public sealed record DocumentReading(string Key, CapturePayload Payload);
