namespace Gateway.Drivers.Simulated.Internal;

/// <summary>Generated pictures: a cartoon portrait and a ridge pattern that looks like a fingerprint.</summary>
internal static class SyntheticImages
{
    /// <summary>A frontal cartoon portrait on a plain background, as RGB PNG.</summary>
    public static CapturedImage Portrait(Random random, int width, int height)
    {
        var pixels = new byte[width * height * 3];
        var skin = SkinTones[random.Next(SkinTones.Length)];
        double cx = width / 2.0, cy = height * 0.48, rx = width * 0.26, ry = height * 0.27;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var colour = Background;
                var fx = (x - cx) / rx;
                var fy = (y - cy) / ry;
                if ((fx * fx) + (fy * fy) <= 1)
                {
                    colour = skin;
                    if (fy < -0.55)
                    {
                        colour = Hair;
                    }
                    else if (IsEye(fx, fy, -0.38) || IsEye(fx, fy, 0.38))
                    {
                        colour = Eye;
                    }
                    else if (Math.Abs(fy - 0.5) < 0.05 && Math.Abs(fx) < 0.3)
                    {
                        colour = Mouth;
                    }
                }
                else if (y > cy + (ry * 0.9) && Math.Abs(x - cx) < rx * 1.6)
                {
                    colour = Shirt;
                }

                var i = ((y * width) + x) * 3;
                pixels[i] = colour.R;
                pixels[i + 1] = colour.G;
                pixels[i + 2] = colour.B;
            }
        }

        return new CapturedImage(Png.Encode(pixels, width, height, colour: true), ImageFormat.Png, width, height)
        {
            Light = LightSource.Visible,
        };
    }

    /// <summary>A grey finger image at 500 ppi: dark ridges on white, a whorl around a random core.</summary>
    public static CapturedImage Finger(Random random, int width, int height) =>
        new(Png.Encode(FingerPixels(random, width, height), width, height, colour: false), ImageFormat.Png, width, height) { Ppi = 500 };

    private static byte[] FingerPixels(Random random, int width, int height)
    {
        var pixels = new byte[width * height];
        double cx = width * (0.45 + (random.NextDouble() * 0.1)), cy = height * (0.45 + (random.NextDouble() * 0.1));
        double rx = width * 0.42, ry = height * 0.45;
        var period = 8.5 + random.NextDouble(); // ridge spacing of an adult finger at 500 ppi
        var phase = random.NextDouble() * Math.PI * 2;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                double dx = (x - cx) / rx, dy = (y - cy) / ry;
                var inside = (dx * dx) + (dy * dy);
                byte value = 255;
                if (inside <= 1)
                {
                    var r = Math.Sqrt(((x - cx) * (x - cx)) + ((y - cy) * (y - cy) * 0.7));
                    var angle = Math.Atan2(y - cy, x - cx);
                    var ridge = Math.Sin((2 * Math.PI * r / period) + (1.5 * Math.Sin(angle * 2)) + phase);
                    value = (byte)Math.Clamp(150 + (105 * ridge) + (inside * 40), 0, 255);
                }

                pixels[(y * width) + x] = value;
            }
        }

        return pixels;
    }

    /// <summary>
    /// A slap of <paramref name="fingers"/> fingertips side by side (1600 × 1500 at 500 ppi for four, 1000 × 1500 for two),
    /// a few millimetres apart, along an arc.
    /// </summary>
    public static CapturedImage Slap(Random random, int fingers)
    {
        const int FingerWidth = 300, FingerHeight = 420, Pitch = 370;
        var width = fingers == 4 ? 1600 : 1000;
        const int Height = 1500;
        var canvas = new byte[width * Height];
        Array.Fill(canvas, (byte)255);
        var left = (width - (((fingers - 1) * Pitch) + FingerWidth)) / 2;
        for (var f = 0; f < fingers; f++)
        {
            var finger = FingerPixels(random, FingerWidth, FingerHeight);
            var top = 450 + (int)(120 * Math.Abs(f - ((fingers - 1) / 2.0)));
            for (var y = 0; y < FingerHeight; y++)
            {
                finger.AsSpan(y * FingerWidth, FingerWidth).CopyTo(canvas.AsSpan(((top + y) * width) + left + (f * Pitch)));
            }
        }

        return new CapturedImage(Png.Encode(canvas, width, Height, colour: false), ImageFormat.Png, width, Height) { Ppi = 500 };
    }

    private static bool IsEye(double fx, double fy, double ex)
    {
        var dx = (fx - ex) / 0.14;
        var dy = (fy + 0.12) / 0.07;
        return (dx * dx) + (dy * dy) <= 1;
    }

    private readonly record struct Rgb(byte R, byte G, byte B);

    private static readonly Rgb Background = new(214, 222, 230);
    private static readonly Rgb Hair = new(35, 28, 24);
    private static readonly Rgb Eye = new(40, 30, 30);
    private static readonly Rgb Mouth = new(120, 50, 50);
    private static readonly Rgb Shirt = new(60, 80, 120);
    private static readonly Rgb[] SkinTones = [new(94, 62, 44), new(141, 85, 54), new(198, 134, 66), new(224, 172, 105), new(241, 194, 125)];
}
