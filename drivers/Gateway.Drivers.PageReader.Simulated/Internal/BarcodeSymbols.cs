using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace Gateway.Drivers.PageReader.Simulated.Internal;

/// <summary>Draws a barcode symbol (ZXing.Net's encoders) centred in a box, as large as fits.</summary>
internal static class BarcodeSymbols
{
    public static void Draw(SKCanvas canvas, BarcodeFormat format, string payload, SKRect box, SKColor ink)
    {
        var writer = new BarcodeWriterGeneric
        {
            Format = format,
            Options = new EncodingOptions { Margin = 0, PureBarcode = true, Width = 1, Height = 1 },
        };
        var matrix = writer.Encode(payload);
        var cell = Math.Min(box.Width / matrix.Width, box.Height / matrix.Height);
        var left = box.MidX - (cell * matrix.Width / 2);
        var top = box.MidY - (cell * matrix.Height / 2);
        using var paint = new SKPaint { Color = ink, IsAntialias = true, Style = SKPaintStyle.Fill };
        for (var y = 0; y < matrix.Height; y++)
        {
            for (var x = 0; x < matrix.Width; x++)
            {
                if (matrix[x, y])
                {
                    // A hair wider than the cell, so neighbouring modules print as one.
                    canvas.DrawRect(left + (x * cell), top + (y * cell), cell * 1.02f, cell * 1.02f, paint);
                }
            }
        }
    }
}
