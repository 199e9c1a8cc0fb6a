namespace Gateway.Imaging.Barcodes;

/// <summary>Every barcode found in one image, top to bottom, and what it cost.</summary>
/// <param name="Barcodes">The barcodes, top to bottom then left to right; empty when none was found.</param>
/// <param name="BudgetExhausted">True when the time budget ran out before every region was tried.</param>
/// <param name="Elapsed">The time spent.</param>
/// <param name="Attempts">How many decode attempts were made (whole image, regions and their variants).</param>
public sealed record BarcodeDecodeResult(
    IReadOnlyList<DecodedBarcode> Barcodes,
    bool BudgetExhausted,
    TimeSpan Elapsed,
    int Attempts);
