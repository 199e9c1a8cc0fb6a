using System.Runtime.InteropServices;
using Gateway.Drivers.PageReader.Simulated.Internal;
using SkiaSharp;

namespace Gateway.Drivers.PageReader.Simulated.Specimens;

/// <summary>
/// Renders a specimen document lying on a full-page reader's glass under white, infrared and ultraviolet light: the same
/// geometry under each light, each print as it looks under that light (see the driver's README), sensor noise on top.
/// Thread-safe.
/// </summary>
public sealed class SpecimenRenderer
{
    private readonly SKTypeface _ocrB;

    /// <summary>Creates a renderer.</summary>
    /// <param name="ppi">Resolution of the images. Default 300, the usual full-page reader's.</param>
    /// <param name="glassWidthMm">Width of the glass imaged. Default 150 mm (a TD3 page laid open fits).</param>
    /// <param name="glassHeightMm">Height of the glass imaged. Default 110 mm.</param>
    /// <param name="fontPath">The OCR-B font (Debian fonts-ocr-b).</param>
    /// <exception cref="FileNotFoundException">The font is missing or is not a font.</exception>
    public SpecimenRenderer(int ppi = 300, double glassWidthMm = 150, double glassHeightMm = 110, string fontPath = DefaultFontPath)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ppi, 72);
        Ppi = ppi;
        GlassWidthMm = glassWidthMm;
        GlassHeightMm = glassHeightMm;
        _ocrB = OcrB.Load(fontPath) ?? throw new FileNotFoundException($"The OCR-B font is missing or unreadable: {fontPath} (apt-get install fonts-ocr-b).", fontPath);
    }

    /// <summary>Where Debian's fonts-ocr-b installs the font.</summary>
    public const string DefaultFontPath = OcrB.DefaultPath;

    /// <summary>Resolution of the images.</summary>
    public int Ppi { get; }

    /// <summary>Width of the glass in millimetres.</summary>
    public double GlassWidthMm { get; }

    /// <summary>Height of the glass in millimetres.</summary>
    public double GlassHeightMm { get; }

    /// <summary>Renders the three images.</summary>
    /// <param name="document">The document.</param>
    /// <param name="placement">Where it lies on the glass.</param>
    /// <param name="seed">Seeds the layout's details and the noise: the same seed gives the same images.</param>
    public SpecimenImages Render(SpecimenDocument document, SpecimenPlacement placement, int seed)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(placement);
        var width = (int)Math.Round(GlassWidthMm * Ppi / 25.4);
        var height = (int)Math.Round(GlassHeightMm * Ppi / 25.4);
        var visible = Light(document, placement, Palette.Visible, seed, 1, width, height, SKEncodedImageFormat.Jpeg, grey: false);
        var infrared = Light(document, placement, Palette.Infrared(document.InfraredInk), seed, 2, width, height, SKEncodedImageFormat.Png, grey: true);
        var ultraviolet = Light(document, placement, Palette.Ultraviolet, seed, 3, width, height, SKEncodedImageFormat.Jpeg, grey: false);
        return new SpecimenImages(visible, infrared, ultraviolet, width, height, Ppi);
    }

    private byte[] Light(SpecimenDocument document, SpecimenPlacement placement, Palette palette, int seed, int light, int width, int height, SKEncodedImageFormat format, bool grey)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(palette.Glass);
            var (w, h) = document.SizeMm;
            canvas.Scale((float)(Ppi / 25.4));
            canvas.Translate((float)((GlassWidthMm / 2) + placement.OffsetXMm), (float)((GlassHeightMm / 2) + placement.OffsetYMm));
            canvas.RotateDegrees((float)placement.RotationDegrees);
            canvas.Translate((float)(-w / 2), (float)(-h / 2));
            DataPage.Draw(canvas, document, palette, _ocrB, PortraitSource.Image, seed);
        }

        AddNoise(bitmap, (seed * 4) + light);
        if (!grey)
        {
            using var data = bitmap.Encode(format, 90);
            return data.ToArray();
        }

        using var gray = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        bitmap.CopyTo(gray, SKColorType.Gray8);
        using var encoded = gray.Encode(format, 90);
        return encoded.ToArray();
    }

    /// <summary>Sensor noise: about ±6 grey levels.</summary>
    private static void AddNoise(SKBitmap bitmap, int seed)
    {
        var pixels = new byte[bitmap.ByteCount];
        Marshal.Copy(bitmap.GetPixels(), pixels, 0, pixels.Length);
        var state = (uint)seed * 2654435761u ^ (uint)pixels.Length | 1;
        for (var i = 0; i < pixels.Length; i += 4)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            var noise = (int)(state & 15) - 7 + (int)((state >> 4) & 7) - 3;
            for (var c = 0; c < 3; c++)
            {
                pixels[i + c] = (byte)Math.Clamp(pixels[i + c] + noise, 0, 255);
            }
        }

        Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
    }
}
