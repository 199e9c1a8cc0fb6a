using SkiaSharp;

namespace Gateway.Drivers.PageReader.Simulated.Internal;

/// <summary>The OCR-B font of Debian's fonts-ocr-b, which the MRZ must be printed in (ISO 1073-2), loaded once.</summary>
internal static class OcrB
{
    public const string DefaultPath = "/usr/share/fonts/opentype/ocr-b/OCRB.otf";

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, SKTypeface> Loaded = [];

    /// <summary>The typeface at <paramref name="path"/>, or null when the file is missing or not a font.</summary>
    public static SKTypeface? Load(string path)
    {
        lock (Gate)
        {
            if (Loaded.TryGetValue(path, out var typeface))
            {
                return typeface;
            }

            typeface = File.Exists(path) ? SKTypeface.FromFile(path) : null;
            if (typeface is not null)
            {
                Loaded[path] = typeface;
            }

            return typeface;
        }
    }
}
