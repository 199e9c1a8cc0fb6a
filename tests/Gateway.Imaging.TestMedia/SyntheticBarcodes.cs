using System.Text;
using OpenCvSharp;
using ZXing;
using ZXing.Common;

namespace Gateway.Imaging.TestMedia;

/// <summary>Draws clean barcodes with ZXing's writers, as grey OpenCV images.</summary>
public static class SyntheticBarcodes
{
    /// <summary>Renders <paramref name="payload"/> (ISO 8859-1 text, so any byte can be encoded) in a symbology.</summary>
    /// <param name="symbology">A name from <c>Symbologies</c>: PDF417, QR_CODE, AZTEC, DATA_MATRIX, CODE_128, CODE_39.</param>
    /// <param name="payload">The content.</param>
    /// <param name="width">The rendered width in pixels (the writer rounds to whole modules).</param>
    public static Mat Render(string symbology, string payload, int width = 600)
    {
        var format = symbology switch
        {
            "PDF417" => BarcodeFormat.PDF_417,
            "QR_CODE" => BarcodeFormat.QR_CODE,
            "AZTEC" => BarcodeFormat.AZTEC,
            "DATA_MATRIX" => BarcodeFormat.DATA_MATRIX,
            "CODE_128" => BarcodeFormat.CODE_128,
            "CODE_39" => BarcodeFormat.CODE_39,
            _ => throw new ArgumentException($"Unknown symbology {symbology}.", nameof(symbology)),
        };
        var oneD = format is BarcodeFormat.CODE_128 or BarcodeFormat.CODE_39;
        var writer = new BarcodeWriterPixelData
        {
            Format = format,
            Options = new EncodingOptions
            {
                Width = width,
                Height = oneD ? width / 3 : width,
                Margin = 10,
                PureBarcode = true,
            },
        };
        writer.Options.Hints[EncodeHintType.CHARACTER_SET] = "ISO-8859-1";
        var pixels = writer.Write(payload);
        using var bgra = Mat.FromPixelData(pixels.Height, pixels.Width, MatType.CV_8UC4, pixels.Pixels);
        using var gray = new Mat();
        Cv2.CvtColor(bgra, gray, ColorConversionCodes.BGRA2GRAY);
        // Some writers leave white space beyond the margin (PDF417 ignores the height): keep the symbol and a 10-pixel margin.
        using var ink = new Mat();
        Cv2.Threshold(gray, ink, 128, 255, ThresholdTypes.BinaryInv);
        var box = Cv2.BoundingRect(ink);
        var keep = new Rect(box.X - 10, box.Y - 10, box.Width + 20, box.Height + 20).Intersect(new Rect(0, 0, gray.Width, gray.Height));
        return new Mat(gray, keep).Clone();
    }

    /// <summary>Renders binary content (each byte one ISO 8859-1 character).</summary>
    public static Mat Render(string symbology, byte[] payload, int width = 600) =>
        Render(symbology, Encoding.Latin1.GetString(payload), width);
}
