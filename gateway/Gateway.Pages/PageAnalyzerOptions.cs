namespace Gateway.Pages;

/// <summary>Settings of <see cref="PageAnalyzer"/>.</summary>
public sealed record PageAnalyzerOptions
{
    /// <summary>Time allowed to the MRZ OCR per image tried. Default 600 ms.</summary>
    public TimeSpan MrzBudget { get; init; } = TimeSpan.FromMilliseconds(600);

    /// <summary>Time allowed to barcode decoding on the page. Default 300 ms.</summary>
    public TimeSpan BarcodeBudget { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>The symbologies looked for: those printed on travel documents (PDF417, Data Matrix, QR, Aztec) by default.</summary>
    public IReadOnlyList<string> Symbologies { get; init; } = [Imaging.Barcodes.Symbologies.Pdf417, Imaging.Barcodes.Symbologies.DataMatrix, Imaging.Barcodes.Symbologies.QrCode, Imaging.Barcodes.Symbologies.Aztec];

    /// <summary>
    /// Candidate regions the barcode decoder tries after its whole-page pass. Default 4: a travel document carries one or
    /// two symbols, and a page without any would otherwise cost every text block on it.
    /// </summary>
    public int MaxBarcodeRegions { get; init; } = 4;

    /// <summary>Largest image accepted, in pixels; a bigger one is refused before it is decoded. Default 60 million.</summary>
    public long MaxPixels { get; init; } = 60_000_000;

    /// <summary>The clock for <see cref="PageAnalysis.Elapsed"/> and the budgets.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
