namespace Gateway.Barcodes;

/// <summary>The values of <see cref="PayloadResult.PayloadType"/>: stable strings, safe to store and compare.</summary>
public static class PayloadTypes
{
    /// <summary>IATA Bar Coded Boarding Pass (Resolution 792), format code M.</summary>
    public const string Bcbp = "bcbp";

    /// <summary>AAMVA DL/ID card design standard, the PDF417 payload of North American driving licences and ID cards.</summary>
    public const string Aamva = "aamva";

    /// <summary>The payload matched no supported format.</summary>
    public const string Unknown = "unknown";
}
