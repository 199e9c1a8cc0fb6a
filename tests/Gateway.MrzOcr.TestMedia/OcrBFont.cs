using SkiaSharp;

namespace Gateway.MrzOcr.TestMedia;

/// <summary>The OCR-B font that Debian's fonts-ocr-b ships, loaded once.</summary>
public static class OcrBFont
{
    /// <summary>Where Debian installs it.</summary>
    public const string Path = "/usr/share/fonts/opentype/ocr-b/OCRB.otf";

    private static readonly Lazy<SKTypeface> Loaded = new(() =>
        File.Exists(Path)
            ? SKTypeface.FromFile(Path) ?? throw new InvalidOperationException($"{Path} is not a font SkiaSharp reads.")
            : throw new FileNotFoundException($"OCR-B is missing: apt-get install fonts-ocr-b ({Path}).", Path));

    /// <summary>The typeface.</summary>
    public static SKTypeface Typeface => Loaded.Value;

    /// <summary>Whether the font is installed here.</summary>
    public static bool IsInstalled => File.Exists(Path);
}
