using System.Runtime.InteropServices;
using Gateway.Mrz;
using OpenCvSharp;
using SkiaSharp;

namespace Gateway.MrzOcr.TestMedia;

/// <summary>
/// Draws a document-like data page with its MRZ in OCR-B at 10 characters per inch, as ICAO Doc 9303 Part 3 prints it:
/// a tinted background with guilloche lines, a photo box, captions and data in another typeface, the MRZ at the bottom.
/// </summary>
public static class MrzDocuments
{
    private const string Words = "PASSPORT UTOPIA SURNAME GIVEN NAMES NATIONALITY DATE OF BIRTH SEX PLACE AUTHORITY EXPIRY ISSUE TYPE CODE NUMBER SIGNATURE";

    /// <summary>A random specimen MRZ of the format (fields random, state UTO).</summary>
    public static string RandomMrz(Random random, MrzFormat format)
    {
        string Letters(int min, int max) => new([.. Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => (char)('A' + random.Next(26)))]);
        string Alnum(int length) => new([.. Enumerable.Range(0, length).Select(_ => "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[random.Next(36)])]);
        var given = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Letters(3, 9)));
        return MrzGenerator.Generate(new MrzData
        {
            Format = format,
            DocumentCode = format == MrzFormat.Td3 ? "P" : random.Next(2) == 0 ? "I" : "ID",
            IssuingState = "UTO",
            Nationality = "UTO",
            Surname = random.Next(5) == 0 ? Letters(3, 8) + " " + Letters(4, 10) : Letters(3, 14),
            GivenNames = given,
            DocumentNumber = Alnum(9),
            DateOfBirth = new DateOnly(1940, 1, 1).AddDays(random.Next(0, 30_000)),
            Sex = (MrzSex)new[] { MrzSex.Male, MrzSex.Female, MrzSex.Unspecified }[random.Next(3)],
            DateOfExpiry = new DateOnly(2020, 1, 1).AddDays(random.Next(0, 5_000)),
            PersonalNumber = format == MrzFormat.Td3 && random.Next(2) == 0 ? Alnum(random.Next(5, 15)) : string.Empty,
            OptionalData1 = format != MrzFormat.Td3 && random.Next(2) == 0 ? Alnum(random.Next(1, 7)) : string.Empty,
            OptionalData2 = format == MrzFormat.Td1 && random.Next(3) == 0 ? Alnum(random.Next(1, 11)) : string.Empty,
        });
    }

    /// <summary>The document's size in millimetres (Doc 9303 Parts 4–6).</summary>
    public static (double Width, double Height) SizeMm(MrzFormat format) => format switch
    {
        MrzFormat.Td1 => (85.6, 53.98),
        MrzFormat.Td2 => (105, 74),
        _ => (125, 88),
    };

    /// <summary>Draws the data page of <paramref name="mrz"/> at <paramref name="dpi"/>; returns it grey and the MRZ block's corners.</summary>
    /// <param name="random">Seeds the layout, the tint and the print defects.</param>
    /// <param name="format">The MRZ's layout.</param>
    /// <param name="mrz">The MRZ lines joined by <c>\n</c>.</param>
    /// <param name="dpi">Resolution.</param>
    public static (Mat Page, Point2f[] Quad) Render(Random random, MrzFormat format, string mrz, double dpi)
    {
        var (widthMm, heightMm) = SizeMm(format);
        double Px(double mm) => mm * dpi / 25.4;
        var width = (int)Px(widthMm);
        var height = (int)Px(heightMm);
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            var tint = (byte)random.Next(215, 250);
            canvas.Clear(new SKColor(tint, (byte)(tint - random.Next(0, 15)), (byte)(tint - random.Next(0, 25))));
            DrawGuilloche(canvas, random, width, height);
            DrawPhoto(canvas, random, Px(5), Px(format == MrzFormat.Td1 ? 6 : 12), Px(format == MrzFormat.Td1 ? 20 : 30), Px(format == MrzFormat.Td1 ? 24 : 40));
        }

        var quad = DrawMrz(bitmap, random, mrz, dpi, widthMm, heightMm);
        var pixels = new byte[width * height * 4];
        Marshal.Copy(bitmap.GetPixels(), pixels, 0, pixels.Length);
        using var rgba = Mat.FromPixelData(height, width, MatType.CV_8UC4, pixels);
        var gray = new Mat();
        Cv2.CvtColor(rgba, gray, ColorConversionCodes.RGBA2GRAY);
        DrawCaptions(gray, random, Px(format == MrzFormat.Td1 ? 30 : 40), Px(8), Px(widthMm - 3), Px(heightMm - 24), Px(1));
        return (gray, quad);
    }

    private static Point2f[] DrawMrz(SKBitmap bitmap, Random random, string mrz, double dpi, double widthMm, double heightMm)
    {
        double Px(double mm) => mm * dpi / 25.4;
        var lines = mrz.Split('\n');
        using var font = new SKFont(OcrBFont.Typeface, 100);
        var advance = font.MeasureText("<");
        var pitch = Px(2.54);
        font.Size = (float)(100 * pitch / advance);
        var capHeight = font.Metrics.CapHeight;
        var lineSpacing = Px(random.NextDouble() * 1.0 + 3.9);
        var left = (float)((bitmap.Width - (pitch * lines[0].Length)) / 2 + Px((random.NextDouble() - 0.5) * 2));
        var lastBaseline = (float)(bitmap.Height - Px(3.5 + random.NextDouble() * 1.5));
        var firstBaseline = (float)(lastBaseline - (lineSpacing * (lines.Length - 1)));
        // Print defects: ink spread (bolder strokes), a slightly grey or uneven ink.
        var ink = (byte)random.Next(0, 60);
        using var paint = new SKPaint
        {
            Color = new SKColor(ink, ink, ink),
            IsAntialias = true,
            Style = SKPaintStyle.StrokeAndFill,
            StrokeWidth = (float)(random.NextDouble() * 0.05 * font.Size),
        };
        using var canvas = new SKCanvas(bitmap);
        for (var l = 0; l < lines.Length; l++)
        {
            var baseline = firstBaseline + (float)(l * lineSpacing);
            for (var c = 0; c < lines[l].Length; c++)
            {
                // Each character on the 10 cpi grid, with the small jitter of a real printer.
                var x = left + (float)(c * pitch) + (float)((random.NextDouble() - 0.5) * pitch * 0.04);
                canvas.DrawText(lines[l][c].ToString(), x, baseline + (float)((random.NextDouble() - 0.5) * capHeight * 0.03), SKTextAlign.Left, font, paint);
            }
        }

        var right = left + (float)(pitch * lines[0].Length);
        var top = firstBaseline - capHeight;
        return [new(left, top), new(right, top), new(right, lastBaseline), new(left, lastBaseline)];
    }

    private static void DrawGuilloche(SKCanvas canvas, Random random, int width, int height)
    {
        using var paint = new SKPaint { Color = new SKColor((byte)random.Next(150, 220), (byte)random.Next(150, 220), (byte)random.Next(170, 230)), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1, width / 1500f) };
        var waves = random.Next(6, 14);
        for (var w = 0; w < waves; w++)
        {
            using var builder = new SKPathBuilder();
            var phase = random.NextDouble() * Math.PI * 2;
            var amplitude = height * (0.03 + (random.NextDouble() * 0.1));
            var baseY = height * random.NextDouble();
            var period = width / (1 + (random.NextDouble() * 4));
            builder.MoveTo(0, (float)baseY);
            for (var x = 0; x <= width; x += 4)
            {
                builder.LineTo(x, (float)(baseY + (amplitude * Math.Sin(phase + (x * 2 * Math.PI / period)))));
            }

            using var path = builder.Detach();
            canvas.DrawPath(path, paint);
        }
    }

    private static void DrawPhoto(SKCanvas canvas, Random random, double x, double y, double w, double h)
    {
        var rect = new SKRect((float)x, (float)y, (float)(x + w), (float)(y + h));
        using var shader = SKShader.CreateLinearGradient(new SKPoint(rect.Left, rect.Top), new SKPoint(rect.Left, rect.Bottom),
            [new SKColor((byte)random.Next(120, 200), (byte)random.Next(120, 200), (byte)random.Next(120, 200)), new SKColor((byte)random.Next(40, 120), (byte)random.Next(40, 120), (byte)random.Next(40, 120))],
            SKShaderTileMode.Clamp);
        using var fill = new SKPaint { Shader = shader };
        canvas.DrawRect(rect, fill);
        // The head and shoulders stay inside the photo box, as printed portraits do: nothing is printed in the MRZ's clear area.
        canvas.Save();
        canvas.ClipRect(rect);
        using var face = new SKPaint { Color = new SKColor((byte)random.Next(60, 200), (byte)random.Next(50, 160), (byte)random.Next(40, 140)), IsAntialias = true };
        canvas.DrawOval(new SKRect(rect.Left + (rect.Width * 0.25f), rect.Top + (rect.Height * 0.15f), rect.Right - (rect.Width * 0.25f), rect.Top + (rect.Height * 0.7f)), face);
        canvas.DrawOval(new SKRect(rect.Left + (rect.Width * 0.1f), rect.Top + (rect.Height * 0.7f), rect.Right - (rect.Width * 0.1f), rect.Bottom + (rect.Height * 0.3f)), face);
        canvas.Restore();
    }

    /// <summary>Captions and data in a sans-serif (OpenCV's Hershey, since the rasteriser here has no system fonts).</summary>
    private static void DrawCaptions(Mat page, Random random, double left, double top, double right, double bottom, double mm)
    {
        var words = Words.Split(' ');
        var thin = Math.Max(1, (int)(mm * 0.25));
        Cv2.PutText(page, "UTOPIA  PASSPORT", new Point(left, top), HersheyFonts.HersheySimplex, mm * 0.12, new Scalar(30), thin * 2);
        for (var y = top + (mm * 6); y < bottom; y += mm * (7 + (random.NextDouble() * 2)))
        {
            var caption = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => words[random.Next(words.Length)]));
            Cv2.PutText(page, caption, new Point(left, y), HersheyFonts.HersheySimplex, mm * 0.06, new Scalar(90), thin);
            var value = string.Join(' ', Enumerable.Range(0, random.Next(1, 3)).Select(_ => words[random.Next(words.Length)]));
            var x = left + (random.NextDouble() * (right - left) * 0.3);
            Cv2.PutText(page, value, new Point(x, y + (mm * 3.5)), HersheyFonts.HersheyDuplex, mm * 0.1, new Scalar(25), thin * 2);
        }
    }
}
