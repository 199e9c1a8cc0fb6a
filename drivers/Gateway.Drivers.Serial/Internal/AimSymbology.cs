namespace Gateway.Drivers.Serial.Internal;

/// <summary>The symbology an AIM symbology identifier (ISO/IEC 15424, <c>]</c> code modifier) names.</summary>
internal static class AimSymbology
{
    public const string Unknown = "UNKNOWN";

    public static string Of(string? aimIdentifier) => aimIdentifier is { Length: 3 } ? aimIdentifier[1] switch
    {
        'A' => "CODE_39",
        'C' => "CODE_128",
        'E' => "EAN_UPC",
        'F' => "CODABAR",
        'G' => "CODE_93",
        'I' => "ITF",
        'L' => "PDF417",
        'Q' => "QR_CODE",
        'd' => "DATA_MATRIX",
        'e' => "RSS_14",
        'z' => "AZTEC",
        _ => Unknown,
    } : Unknown;
}
