using System.Globalization;
using Gateway.Drivers.PageReader.Simulated.Specimens;
using Gateway.Mrz;
using SkiaSharp;
using ZXing;

namespace Gateway.Drivers.PageReader.Simulated.Internal;

/// <summary>
/// Draws a specimen data page in millimetres (the canvas is scaled by the caller) after the ICAO Doc 9303 layouts: the
/// portrait on the left, captions and data to its right, an optional barcode above the MRZ, the MRZ in OCR-B at 10
/// characters per inch at the bottom. A specimen TD1 shows its MRZ on the same side as its portrait.
/// </summary>
internal static class DataPage
{
    private const double MrzPitchMm = 2.54;
    private const double MrzLineSpacingMm = 4.2;
    private const double MrzBottomMm = 3.8;

    public static void Draw(SKCanvas canvas, SpecimenDocument document, Palette palette, SKTypeface ocrB, SKBitmap portrait, int seed)
    {
        var random = new Random(seed);
        var (w, h) = document.SizeMm;
        var page = new SKRect(0, 0, (float)w, (float)h);
        using var fill = new SKPaint { IsAntialias = true, Color = palette.Paper };
        canvas.DrawRoundRect(page, 3, 3, fill);
        canvas.Save();
        canvas.ClipRoundRect(new SKRoundRect(page, 3, 3), antialias: true);
        Guilloche(canvas, random, w, h, palette.Guilloche ?? SKColors.Transparent, 0.12f);

        if (palette.Fluorescent is { } glow)
        {
            using var paint = new SKPaint { IsAntialias = true, Color = glow, Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f };
            for (var r = 4f; r < 16; r += 2.5f)
            {
                canvas.DrawCircle((float)(w * 0.62), (float)(h * 0.42), r, paint);
            }
        }

        var lines = document.HasMrz ? document.MrzLines : [];
        var mrzTop = h - MrzBottomMm - ((lines.Count - 1) * MrzLineSpacingMm) - 3.2;
        var (portraitWidth, portraitHeight) = PortraitSize(document.Data.Format);
        var portraitBox = SKRect.Create(5, (float)Math.Min(11, mrzTop - portraitHeight - 2), (float)portraitWidth, (float)portraitHeight);
        using (var filter = palette.Portrait is null ? null : SKColorFilter.CreateColorMatrix(palette.Portrait))
        using (var paint = new SKPaint { ColorFilter = filter })
        using (var image = SKImage.FromBitmap(portrait))
        {
            canvas.DrawImage(image, portraitBox, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
        }

        var left = portraitBox.Right + 4;
        Fields(canvas, document, palette, ocrB, left, (float)w, (float)mrzTop);
        if (document.Barcode != SpecimenBarcode.None)
        {
            var box = document.Barcode == SpecimenBarcode.Pdf417
                ? SKRect.Create(left, (float)(mrzTop - 13.5), (float)(w - left - 3), 12)
                : SKRect.Create((float)(w - 23), (float)(mrzTop - 21), 19, 19);
            var format = document.Barcode == SpecimenBarcode.Pdf417 ? BarcodeFormat.PDF_417 : BarcodeFormat.DATA_MATRIX;
            BarcodeSymbols.Draw(canvas, format, AamvaPayload.For(document.Data), box, palette.Barcode);
        }

        for (var l = 0; l < lines.Count; l++)
        {
            Mrz(canvas, lines[l], ocrB, palette.Mrz, (float)((w - (MrzPitchMm * lines[l].Length)) / 2), (float)(h - MrzBottomMm - ((lines.Count - 1 - l) * MrzLineSpacingMm)), random);
        }

        canvas.Restore();
    }

    /// <summary>The portrait's size in millimetres, 35 × 45 proportions, by format.</summary>
    private static (double Width, double Height) PortraitSize(MrzFormat format) => format switch
    {
        MrzFormat.Td1 => (20, 26),
        MrzFormat.Td2 or MrzFormat.MrvB => (25, 32),
        MrzFormat.MrvA => (27, 35),
        _ => (32, 41),
    };

    private static void Fields(SKCanvas canvas, SpecimenDocument document, Palette palette, SKTypeface ocrB, float left, float right, float bottom)
    {
        var data = document.Data;
        var title = data.Format switch
        {
            MrzFormat.Td3 => "PASSPORT",
            MrzFormat.MrvA or MrzFormat.MrvB => "VISA",
            _ => "IDENTITY CARD",
        };
        string Date(DateOnly? date) => date?.ToString("dd MMM yyyy", CultureInfo.InvariantCulture).ToUpperInvariant() ?? "-";
        (string Caption, string Value)[] fields =
        [
            ("SURNAME", data.Surname),
            ("GIVEN NAMES", data.GivenNames),
            ("DOCUMENT NO", data.DocumentNumber),
            ("DATE OF BIRTH", Date(data.DateOfBirth)),
            ("SEX", data.Sex switch { MrzSex.Female => "F", MrzSex.Male => "M", _ => "X" }),
            ("DATE OF EXPIRY", Date(data.DateOfExpiry)),
        ];
        using var captionFont = new SKFont(ocrB, 1.6f);
        using var valueFont = new SKFont(ocrB, 2.4f);
        using var titleFont = new SKFont(ocrB, 3.2f);
        using var value = new SKPaint { IsAntialias = true, Color = palette.Value };
        using var caption = new SKPaint { IsAntialias = true, Color = palette.Caption ?? SKColors.Transparent };
        canvas.DrawText("UTOPIA  " + title, left, 7, SKTextAlign.Left, titleFont, value);
        var y = 11.5f;
        var step = Math.Min(6.5f, (bottom - 16 - y) / fields.Length);
        foreach (var (name, text) in fields)
        {
            canvas.DrawText(name, left, y, SKTextAlign.Left, captionFont, caption);
            canvas.DrawText(text, left, y + 2.8f, SKTextAlign.Left, valueFont, value);
            y += step;
        }
    }

    private static void Mrz(SKCanvas canvas, string line, SKTypeface ocrB, SKColor ink, float left, float baseline, Random random)
    {
        using var font = new SKFont(ocrB, 10);
        font.Size = (float)(10 * MrzPitchMm / font.MeasureText("<"));
        using var paint = new SKPaint { IsAntialias = true, Color = ink };
        for (var c = 0; c < line.Length; c++)
        {
            // On the 10 cpi grid, with a printer's small jitter.
            var x = left + (float)(c * MrzPitchMm) + (float)((random.NextDouble() - 0.5) * 0.08);
            canvas.DrawText(line[c].ToString(), x, baseline, SKTextAlign.Left, font, paint);
        }
    }

    private static void Guilloche(SKCanvas canvas, Random random, double w, double h, SKColor color, float stroke)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = stroke };
        for (var wave = 0; wave < 12; wave++)
        {
            // Drawn (or skipped) under every light, so that the random sequence, and thus the layout, is the same.
            var phase = random.NextDouble() * Math.PI * 2;
            var amplitude = h * (0.03 + (random.NextDouble() * 0.08));
            var baseY = h * random.NextDouble();
            var period = w / (1 + (random.NextDouble() * 4));
            if (color.Alpha == 0)
            {
                continue;
            }

            using var builder = new SKPathBuilder();
            builder.MoveTo(0, (float)baseY);
            for (var x = 0.0; x <= w; x += 0.5)
            {
                builder.LineTo((float)x, (float)(baseY + (amplitude * Math.Sin(phase + (x * 2 * Math.PI / period)))));
            }

            using var path = builder.Detach();
            canvas.DrawPath(path, paint);
        }
    }
}
