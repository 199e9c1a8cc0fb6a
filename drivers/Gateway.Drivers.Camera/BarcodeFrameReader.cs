using Gateway.Imaging;
using Gateway.Imaging.Barcodes;

namespace Gateway.Drivers.Camera;

/// <summary>The barcode engine (<see cref="BarcodeDecoder"/>) as a document frame reader.</summary>
/// <param name="budget">Time the decoder may spend on one frame.</param>
public sealed class BarcodeFrameReader(TimeSpan budget) : IDocumentFrameReader
{
    private readonly BarcodeDecoder _decoder = new(new BarcodeDecodeOptions { Budget = budget });

    /// <inheritdoc />
    public string Name => "barcode";

    /// <inheritdoc />
    public IReadOnlyList<DocumentReading> Read(Frame frame, CancellationToken cancellationToken)
    {
        var result = _decoder.Decode(frame, cancellationToken);
        return [.. result.Barcodes.Select(b => new DocumentReading(
            b.Symbology + ":" + Convert.ToHexString(b.Raw.Span),
            new BarcodePayload(b.Symbology, b.Raw) { Text = b.Text, AimIdentifier = b.AimIdentifier }))];
    }
}
