using System.Text;
using Gateway.Imaging.Internal;
using OpenCvSharp;
using ZXing;
using ZXing.Common;

namespace Gateway.Imaging.Barcodes.Internal;

/// <summary>ZXing.Net behind a small surface: decode one or several barcodes from a grey Mat, and name what it found.</summary>
internal sealed class ZxingReader
{
    private static readonly Dictionary<string, BarcodeFormat> Formats = new(StringComparer.Ordinal)
    {
        [Symbologies.Pdf417] = BarcodeFormat.PDF_417,
        [Symbologies.QrCode] = BarcodeFormat.QR_CODE,
        [Symbologies.Aztec] = BarcodeFormat.AZTEC,
        [Symbologies.DataMatrix] = BarcodeFormat.DATA_MATRIX,
        [Symbologies.Code128] = BarcodeFormat.CODE_128,
        [Symbologies.Code39] = BarcodeFormat.CODE_39,
    };

    private readonly BarcodeReaderGeneric _whole;

    public ZxingReader(IReadOnlyList<string> symbologies)
    {
        var formats = symbologies.Select(s => Formats.TryGetValue(s, out var f)
            ? f
            : throw new ArgumentException($"Unknown symbology '{s}'; known: {string.Join(", ", Formats.Keys)}.", nameof(symbologies))).ToList();
        _whole = new BarcodeReaderGeneric { Options = Options(formats) };
    }

    public Result? DecodeFirst(Mat gray) => _whole.Decode(Source(gray));

    public Result? DecodeOne(Mat gray) => _whole.Decode(Source(gray));

    public static string SymbologyOf(Result result) => result.BarcodeFormat switch
    {
        BarcodeFormat.PDF_417 => Symbologies.Pdf417,
        _ => result.BarcodeFormat.ToString(),
    };

    /// <summary>
    /// The points ZXing located. A QR code's are its three finder pattern centres (bottom left, top left, top right),
    /// completed here by the fourth corner of their parallelogram, so the outline is the symbol's and not a diagonal.
    /// A PDF417's first four are the symbol's corners.
    /// </summary>
    public static IReadOnlyList<ResultPoint> PointsOf(Result result)
    {
        var points = (result.ResultPoints ?? []).OfType<ResultPoint>().ToList();
        if (result.BarcodeFormat == BarcodeFormat.QR_CODE && points.Count >= 3)
        {
            var (bottomLeft, topLeft, topRight) = (points[0], points[1], points[2]);
            return [bottomLeft, topLeft, topRight, new ResultPoint(topRight.X + bottomLeft.X - topLeft.X, topRight.Y + bottomLeft.Y - topLeft.Y)];
        }

        // PDF417 gives the symbol's four corners first, then the corners of its codeword area.
        return result.BarcodeFormat == BarcodeFormat.PDF_417 && points.Count > 4 ? points.Take(4).ToList() : points;
    }

    /// <summary>The AIM identifier ZXing reports, or the symbology's default one when it reports none.</summary>
    public static string AimIdentifierOf(Result result)
    {
        if (result.ResultMetadata?.TryGetValue(ResultMetadataType.SYMBOLOGY_IDENTIFIER, out var aim) == true && aim is string { Length: > 0 } text)
        {
            return text;
        }

        return result.BarcodeFormat switch
        {
            BarcodeFormat.PDF_417 => "]L2",
            BarcodeFormat.QR_CODE => "]Q1",
            BarcodeFormat.AZTEC => "]z0",
            BarcodeFormat.DATA_MATRIX => "]d1",
            BarcodeFormat.CODE_128 => "]C0",
            BarcodeFormat.CODE_39 => "]A0",
            _ => string.Empty,
        };
    }

    /// <summary>
    /// The payload bytes. ZXing gives text; the bytes behind it are the byte-mode segments when they make up the whole
    /// payload (a binary seal, a UTF-8 QR code), else the text in ISO 8859-1 (the symbologies' default character set),
    /// else UTF-8.
    /// </summary>
    public static byte[] RawOf(Result result)
    {
        var text = result.Text ?? string.Empty;
        if (result.ResultMetadata?.TryGetValue(ResultMetadataType.BYTE_SEGMENTS, out var value) == true
            && value is IEnumerable<byte[]> segments)
        {
            var bytes = segments.SelectMany(s => s).ToArray();
            if (IsLatin1(text) && Encoding.Latin1.GetBytes(text).AsSpan().SequenceEqual(bytes))
            {
                return bytes;
            }

            if (Encoding.UTF8.GetBytes(text).AsSpan().SequenceEqual(bytes))
            {
                return bytes;
            }
        }

        return IsLatin1(text) ? Encoding.Latin1.GetBytes(text) : Encoding.UTF8.GetBytes(text);
    }

    private static bool IsLatin1(string text) => text.All(c => c <= '\u00FF');

    private static DecodingOptions Options(List<BarcodeFormat> formats) => new()
    {
        TryHarder = true,
        PossibleFormats = formats,
    };

    private static RGBLuminanceSource Source(Mat gray) =>
        new(OpenCvFrames.GrayBytes(gray), gray.Width, gray.Height, RGBLuminanceSource.BitmapFormat.Gray8);
}
