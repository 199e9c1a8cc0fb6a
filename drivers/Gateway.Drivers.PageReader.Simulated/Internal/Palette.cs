using SkiaSharp;

namespace Gateway.Drivers.PageReader.Simulated.Internal;

/// <summary>
/// How each print of a data page looks under one light. Under infrared most inks vanish: the tint, the guilloche and the
/// captions; the MRZ's ink and a carbon-printed portrait stay dark (Doc 9303 requires the MRZ to absorb in the B900 band).
/// Under ultraviolet the paper is dark and only the fluorescent pattern glows.
/// </summary>
/// <param name="Glass">The reader's glass around the document.</param>
/// <param name="Paper">The page's background.</param>
/// <param name="Guilloche">Fine background lines, or null when they vanish.</param>
/// <param name="Caption">Field captions, or null when they vanish.</param>
/// <param name="Value">The printed data.</param>
/// <param name="Mrz">The MRZ.</param>
/// <param name="Barcode">Barcode symbols.</param>
/// <param name="Portrait">A colour filter on the portrait, or null for its own colours.</param>
/// <param name="Fluorescent">The fluorescent emblem, or null when it does not glow.</param>
internal sealed record Palette(
    SKColor Glass, SKColor Paper, SKColor? Guilloche, SKColor? Caption, SKColor Value, SKColor Mrz, SKColor Barcode, float[]? Portrait, SKColor? Fluorescent)
{
    public static readonly Palette Visible = new(
        new SKColor(16, 16, 18), new SKColor(238, 229, 212), new SKColor(176, 196, 222), new SKColor(110, 70, 120),
        new SKColor(28, 28, 40), new SKColor(18, 18, 18), new SKColor(10, 10, 10), null, null);

    public static Palette Infrared(bool infraredInk) => new(
        new SKColor(14, 14, 14), new SKColor(226, 226, 226), null, null,
        infraredInk ? new SKColor(80, 80, 80) : new SKColor(214, 214, 214),
        infraredInk ? new SKColor(22, 22, 22) : new SKColor(218, 218, 218),
        new SKColor(20, 20, 20),
        infraredInk ? Grey(0.55f, 0) : Grey(0.12f, 195),
        null);

    public static readonly Palette Ultraviolet = new(
        new SKColor(8, 4, 18), new SKColor(34, 24, 58), null, null,
        new SKColor(30, 22, 50), new SKColor(26, 20, 44), new SKColor(26, 20, 44), Grey(0.18f, 10), new SKColor(120, 255, 210));

    /// <summary>A colour matrix that makes grey, scaled by <paramref name="gain"/> and lifted by <paramref name="offset"/>.</summary>
    private static float[] Grey(float gain, float offset)
    {
        float[] row = [0.299f * gain, 0.587f * gain, 0.114f * gain, 0, offset / 255f];
        return [.. row, .. row, .. row, 0, 0, 0, 1, 0];
    }
}
