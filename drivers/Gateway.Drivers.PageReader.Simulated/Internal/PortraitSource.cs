using SkiaSharp;

namespace Gateway.Drivers.PageReader.Simulated.Internal;

/// <summary>
/// The face printed on specimens: python3-skimage's astronaut.png (NASA, public domain) when the folder named by
/// GATEWAY_SKIMAGE_DATA holds it, cut to the 35 × 45 portrait proportions around the face; otherwise a drawn head and
/// shoulders on a plain backdrop, so the reader works on any machine.
/// </summary>
internal static class PortraitSource
{
    public const string Variable = "GATEWAY_SKIMAGE_DATA";

    private static readonly Lazy<SKBitmap> Portrait = new(Load);

    public static SKBitmap Image => Portrait.Value;

    private static SKBitmap Load()
    {
        var folder = Environment.GetEnvironmentVariable(Variable);
        var path = string.IsNullOrEmpty(folder) ? null : Path.Combine(folder, "astronaut.png");
        if (path is not null && File.Exists(path) && SKBitmap.Decode(path) is { } astronaut)
        {
            using (astronaut)
            {
                // The face is centred near (225, 110) of the 512 × 512 picture.
                var crop = new SKBitmap(230, 296);
                astronaut.ExtractSubset(crop, SKRectI.Create(110, 0, 230, 296));
                return crop.Copy();
            }
        }

        return Drawn();
    }

    private static SKBitmap Drawn()
    {
        var bitmap = new SKBitmap(350, 450);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(new SKColor(150, 168, 190));
        using var paint = new SKPaint { IsAntialias = true };
        paint.Color = new SKColor(40, 52, 90);
        canvas.DrawOval(new SKRect(20, 330, 330, 560), paint);
        paint.Color = new SKColor(205, 160, 128);
        canvas.DrawRect(new SKRect(145, 270, 205, 350), paint);
        canvas.DrawOval(new SKRect(95, 90, 255, 300), paint);
        paint.Color = new SKColor(60, 40, 30);
        canvas.DrawOval(new SKRect(88, 70, 262, 170), paint);
        foreach (var x in (float[])[140, 210])
        {
            paint.Color = SKColors.White;
            canvas.DrawOval(new SKRect(x - 14, 178, x + 14, 194), paint);
            paint.Color = new SKColor(50, 35, 25);
            canvas.DrawCircle(x, 186, 6, paint);
        }

        paint.Color = new SKColor(150, 70, 70);
        canvas.DrawOval(new SKRect(150, 245, 200, 258), paint);
        return bitmap;
    }
}
