namespace Gateway.Barcodes;

/// <summary>The values of <see cref="PayloadResult.PayloadType"/>: stable strings, safe to store and compare.</summary>
public static class PayloadTypes
{
    /// <summary>IATA Bar Coded Boarding Pass (Resolution 792), format code M.</summary>
    public const string Bcbp = "bcbp";

    /// <summary>AAMVA DL/ID card design standard, the PDF417 payload of North American driving licences and ID cards.</summary>
    public const string Aamva = "aamva";

    /// <summary>ICAO Visible Digital Seal (Doc 9303 Part 13, BSI TR-03137): binary, starting with the magic byte 0xDC.</summary>
    public const string Vds = "vds";

    /// <summary>ICAO Visible Digital Seal for non-constrained environments: JSON with <c>data</c> and <c>sig</c>.</summary>
    public const string VdsNc = "vdsnc";

    /// <summary>The payload matched no supported format.</summary>
    public const string Unknown = "unknown";
}
