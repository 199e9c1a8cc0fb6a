namespace Gateway.Imaging.Barcodes;

/// <summary>One barcode found in an image.</summary>
/// <param name="Symbology">One of <see cref="Symbologies"/>.</param>
/// <param name="Raw">The payload bytes exactly as encoded (binary payloads such as visible digital seals are not text).</param>
/// <param name="Text">The payload as the symbology's character set decodes it.</param>
/// <param name="AimIdentifier">The AIM symbology identifier, e.g. <c>]L2</c> for PDF417.</param>
/// <param name="Corners">Four corners of the barcode in the image, clockwise from the corner nearest its top left.</param>
/// <param name="Pass">Which attempt decoded it: <c>whole</c>, <c>region</c>, <c>region-scaled</c>, <c>region-blurred</c> or <c>region-binarized</c>.</param>
public sealed record DecodedBarcode(
    string Symbology,
    ReadOnlyMemory<byte> Raw,
    string Text,
    string AimIdentifier,
    IReadOnlyList<ImagePoint> Corners,
    string Pass);
