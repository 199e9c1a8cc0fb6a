namespace Gateway.Imaging.Fingerprints.Iso19794;

/// <summary>
/// An ISO/IEC 19794-4:2005 finger image record: the general record header (32 bytes) and one finger image view
/// (14-byte header and image data) per finger.
/// </summary>
/// <param name="Views">The finger images, at least one.</param>
public sealed record FingerImageRecord(IReadOnlyList<FingerImageView> Views)
{
    /// <summary>Format identifier, <c>FIR\0</c>.</summary>
    public static ReadOnlySpan<byte> FormatIdentifier => "FIR\0"u8;

    /// <summary>Version of the 2005 edition, <c>010\0</c>.</summary>
    public static ReadOnlySpan<byte> Version => "010\0"u8;

    /// <summary>Length of the general record header.</summary>
    public const int GeneralHeaderLength = 32;

    /// <summary>Length of a finger image header.</summary>
    public const int ViewHeaderLength = 14;

    /// <summary>Capture device id (vendor-assigned); 0 when unreported. Default 0.</summary>
    public ushort CaptureDeviceId { get; init; }

    /// <summary>Image acquisition level (Table 1 of the standard); 31 = 500 ppi, 8-bit grey. Default 31.</summary>
    public ushort ImageAcquisitionLevel { get; init; } = 31;

    /// <summary>Scan and image resolution in pixels per inch (both axes). Default 500.</summary>
    public ushort Ppi { get; init; } = 500;

    /// <summary>Bits per pixel. Default 8.</summary>
    public byte PixelDepth { get; init; } = 8;

    /// <summary>How every view's image data is encoded (one value for the record). Default PNG.</summary>
    public FingerImageCompression Compression { get; init; } = FingerImageCompression.Png;
}

/// <summary>One finger image of a record.</summary>
/// <param name="Position">Finger position code.</param>
/// <param name="Width">Horizontal line length in pixels.</param>
/// <param name="Height">Vertical line length in pixels.</param>
/// <param name="ImageData">The image, encoded as the record's <see cref="FingerImageRecord.Compression"/> says.</param>
public sealed record FingerImageView(IsoFingerPosition Position, int Width, int Height, ReadOnlyMemory<byte> ImageData)
{
    /// <summary>Views of this finger in the record. Default 1.</summary>
    public byte ViewCount { get; init; } = 1;

    /// <summary>This view's number, from 1. Default 1.</summary>
    public byte ViewNumber { get; init; } = 1;

    /// <summary>Finger image quality, 0–100; 254 = not computed (the 2005 edition leaves other values undefined). Default 254.</summary>
    public byte Quality { get; init; } = 254;

    /// <summary>Impression type: 0 live-scan plain, 1 live-scan rolled, 2 and 3 non-live-scan, 8 swipe. Default 0.</summary>
    public byte ImpressionType { get; init; }
}

/// <summary>Image compression algorithm codes of ISO/IEC 19794-4:2005.</summary>
public enum FingerImageCompression : byte
{
    /// <summary>Uncompressed, one byte per pixel (no bit packing).</summary>
    Uncompressed = 0,

    /// <summary>Uncompressed, bit packed.</summary>
    UncompressedBitPacked = 1,

    /// <summary>WSQ.</summary>
    Wsq = 2,

    /// <summary>JPEG.</summary>
    Jpeg = 3,

    /// <summary>JPEG 2000.</summary>
    Jpeg2000 = 4,

    /// <summary>PNG.</summary>
    Png = 5,
}
