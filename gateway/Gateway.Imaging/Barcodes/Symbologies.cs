namespace Gateway.Imaging.Barcodes;

/// <summary>The symbology names this library reports and accepts: stable strings, the same as the capture contract's.</summary>
public static class Symbologies
{
    /// <summary>PDF417: ID cards and driving licences (AAMVA), boarding passes.</summary>
    public const string Pdf417 = "PDF417";

    /// <summary>QR Code: VDS-NC health and travel proofs, boarding passes on phones.</summary>
    public const string QrCode = "QR_CODE";

    /// <summary>Aztec: boarding passes.</summary>
    public const string Aztec = "AZTEC";

    /// <summary>Data Matrix: ICAO visible digital seals on visas and residence permits.</summary>
    public const string DataMatrix = "DATA_MATRIX";

    /// <summary>Code 128: baggage tags, older ID cards.</summary>
    public const string Code128 = "CODE_128";

    /// <summary>Code 39: older ID cards and permits.</summary>
    public const string Code39 = "CODE_39";

    /// <summary>Every symbology decoded by default.</summary>
    public static IReadOnlyList<string> All { get; } = [Pdf417, QrCode, Aztec, DataMatrix, Code128, Code39];
}
