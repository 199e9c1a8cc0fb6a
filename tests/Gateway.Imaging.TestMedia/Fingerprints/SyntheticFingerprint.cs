using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using OpenCvSharp;

namespace Gateway.Imaging.TestMedia.Fingerprints;

/// <summary>
/// Generated fingerprints in the spirit of SFinGe (Cappelli, Maio, Maltoni): an orientation field from a core and a
/// delta (the zero-pole model), ridges grown from random seeds by iterated Gabor filtering along that field — which
/// leaves minutia-like endings and bifurcations where the seeds meet — inside a fingertip-shaped mask, then pressure,
/// skin condition and sensor noise. 500 ppi, dark ridges on a light background. No real person's print is involved.
/// </summary>
public static class SyntheticFingerprint
{
    private const int Orientations = 16;
    private const double RidgePeriod = 9; // pixels at 500 ppi, about 0.46 mm: an adult's ridge spacing

    /// <summary>One fingertip of <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static Frame Finger(int seed, FingerprintVariant variant = FingerprintVariant.Clean, int width = 320, int height = 440)
    {
        using var print = FingerMat(seed, variant, width, height);
        return ToFrame(print);
    }

    /// <summary>
    /// A four-finger slap of 1600 × 1500 pixels: index, middle, ring and little finger from left to right (a right
    /// hand), each tilted a little, along an arc, with gaps of a few millimetres.
    /// </summary>
    /// <param name="seed">Seeds the four prints.</param>
    /// <param name="variant">Applied to every finger.</param>
    /// <param name="fingers">How many fingers, from the index: 4 for a full slap, fewer for a hand with fingers missing or lifted.</param>
    public static Frame Slap(int seed, FingerprintVariant variant = FingerprintVariant.Clean, int fingers = 4)
    {
        (int X, int Y, int W, int H, double Angle)[] layout =
        [
            (270, 640, 300, 440, -8), (630, 560, 310, 470, -3), (990, 600, 300, 450, 3), (1330, 760, 260, 390, 9),
        ];
        using var canvas = new Mat(1500, 1600, MatType.CV_8UC1, new Scalar(Background));
        for (var i = 0; i < Math.Min(fingers, layout.Length); i++)
        {
            var (x, y, w, h, angle) = layout[i];
            using var finger = FingerMat(seed * 31 + i, variant, w, h, noise: false);
            using var rotation = Cv2.GetRotationMatrix2D(new Point2f(w / 2f, h / 2f), angle, 1);
            using var rotated = new Mat();
            Cv2.WarpAffine(finger, rotated, rotation, new Size(w, h), InterpolationFlags.Linear, BorderTypes.Constant, new Scalar(Background));
            using var target = new Mat(canvas, new Rect(x - (w / 2), y - (h / 2), w, h));
            Cv2.Min(target, rotated, target);
        }

        AddNoise(canvas, new Random(seed), 4);
        return ToFrame(canvas);
    }

    private const byte Background = 242;

    private static Mat FingerMat(int seed, FingerprintVariant variant, int width, int height, bool noise = true)
    {
        var random = new Random(seed);
        var ridges = Ridges(seed, width, height);
        var (mid, amplitude) = variant switch
        {
            FingerprintVariant.LowContrast => (205.0, 14.0),
            FingerprintVariant.Dry => (190.0, 60.0),
            FingerprintVariant.Wet => (95.0, 55.0),
            _ => (140.0, 95.0),
        };
        var pixels = new byte[width * height];
        var (cx, cy) = (width / 2.0, height * 0.55);
        var (rx, ry) = (width * 0.46, height * 0.47);
        var breaks = variant is FingerprintVariant.Dry or FingerprintVariant.Wet ? Blotches(random, width, height) : null;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width) + x;
                // A fingertip: an ellipse whose top is rounder than its bottom; pressure fades towards the edge.
                var dx = (x - cx) / rx;
                var dy = (y - cy) / (y < cy ? ry : ry * 1.15);
                var r = (dx * dx) + (dy * dy);
                var inside = r < 1 && (variant != FingerprintVariant.Partial || y < height * 0.36);
                if (!inside)
                {
                    pixels[i] = Background;
                    continue;
                }

                var pressure = Math.Clamp((1 - r) * 4, 0.35, 1);
                var ridge = variant switch
                {
                    FingerprintVariant.Dry => ridges[i] > 0.7 && breaks![i] > 0 ? 1 : -1,   // thin, broken ridges
                    FingerprintVariant.Wet => ridges[i] > -0.7 || breaks![i] == 0 ? 1 : -1, // thick ridges, valleys flooded in patches
                    _ => Math.Clamp(ridges[i], -1f, 1f),
                };
                pixels[i] = (byte)Math.Clamp(mid - (amplitude * pressure * ridge), 0, 255);
            }
        }

        var mat = new Mat(height, width, MatType.CV_8UC1);
        Marshal.Copy(pixels, 0, mat.Data, pixels.Length);
        switch (variant)
        {
            case FingerprintVariant.Blurred:
                Cv2.GaussianBlur(mat, mat, new Size(0, 0), 3.2);
                break;
            case FingerprintVariant.Wet:
                Cv2.GaussianBlur(mat, mat, new Size(0, 0), 1.8);
                break;
        }

        if (noise)
        {
            AddNoise(mat, random, 4);
        }

        return mat;
    }

    private static readonly ConcurrentDictionary<(int Seed, int Width, int Height), float[]> RidgeCache = new();

    /// <summary>
    /// The ridge pattern (about −1.5 valley … +1.5 ridge): random seeds filtered again and again with the Gabor filter
    /// of the local orientation. The filtering is done in the frequency domain, one spectrum product per orientation.
    /// Cached per seed and size, so the variants of one print share its ridges.
    /// </summary>
    private static float[] Ridges(int seed, int width, int height) =>
        RidgeCache.GetOrAdd((seed, width, height), key => GrowRidges(new Random(key.Seed), key.Width, key.Height));

    private static float[] GrowRidges(Random random, int width, int height)
    {
        // The zero-pole model: a loop with its core above the centre and its delta below and to one side.
        var (coreX, coreY) = (width * (0.42 + (random.NextDouble() * 0.16)), height * (0.40 + (random.NextDouble() * 0.1)));
        var (deltaX, deltaY) = (width * (random.Next(2) == 0 ? 0.15 : 0.85), height * 0.9);
        var orientation = new int[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var theta = 0.5 * (Math.Atan2(y - coreY, x - coreX) - Math.Atan2(y - deltaY, x - deltaX));
                var k = (int)Math.Round(((theta % Math.PI) + Math.PI) % Math.PI / Math.PI * Orientations) % Orientations;
                orientation[(y * width) + x] = k;
            }
        }

        const int KernelSize = 19;
        const int Margin = KernelSize / 2;
        var (dftWidth, dftHeight) = (Cv2.GetOptimalDFTSize(width + KernelSize), Cv2.GetOptimalDFTSize(height + KernelSize));
        var spectra = new Mat[Orientations];
        for (var k = 0; k < Orientations; k++)
        {
            // Gabor's theta is the normal to the stripes: the ridge direction plus 90°.
            using var kernel = Cv2.GetGaborKernel(new Size(KernelSize, KernelSize), 3.5, (k * Math.PI / Orientations) + (Math.PI / 2), RidgePeriod, 1, 0, MatType.CV_32F);
            using var padded = new Mat(dftHeight, dftWidth, MatType.CV_32FC1, Scalar.All(0));
            using (var corner = new Mat(padded, new Rect(0, 0, KernelSize, KernelSize)))
            {
                kernel.CopyTo(corner);
            }

            spectra[k] = new Mat();
            Cv2.Dft(padded, spectra[k], DftFlags.ComplexOutput);
        }

        var field = new float[width * height];
        for (var i = 0; i < field.Length; i++)
        {
            field[i] = random.NextDouble() < 0.03 ? (float)((random.NextDouble() * 2) - 1) : 0;
        }

        using var image = new Mat(dftHeight, dftWidth, MatType.CV_32FC1, Scalar.All(0));
        using var spectrum = new Mat();
        using var product = new Mat();
        using var response = new Mat();
        var row = new float[width];
        const int Iterations = 7;
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            for (var y = 0; y < height; y++)
            {
                Marshal.Copy(field, y * width, image.Ptr(y), width);
            }

            Cv2.Dft(image, spectrum, DftFlags.ComplexOutput);
            var next = new float[field.Length];
            for (var k = 0; k < Orientations; k++)
            {
                Cv2.MulSpectrums(spectrum, spectra[k], product, DftFlags.None);
                Cv2.Idft(product, response, DftFlags.Scale | DftFlags.RealOutput);
                for (var y = 0; y < height; y++)
                {
                    // The kernel sat at the spectrum's corner: its centre's response is Margin pixels down and right.
                    Marshal.Copy(response.Ptr(y + Margin) + (Margin * sizeof(float)), row, 0, width);
                    for (var x = 0; x < width; x++)
                    {
                        if (orientation[(y * width) + x] == k)
                        {
                            next[(y * width) + x] = row[x];
                        }
                    }
                }
            }

            // Normalise (and, but for the last round, saturate), so ridges grow to full strength and meet as endings
            // and bifurcations; the last round keeps a rounded profile that dry and wet skin can threshold.
            double sumSquares = 0;
            foreach (var v in next)
            {
                sumSquares += v * v;
            }

            var last = iteration == Iterations - 1;
            var scale = (float)((last ? 1.0 : 1.6) / Math.Sqrt((sumSquares / next.Length) + 1e-12));
            for (var i = 0; i < next.Length; i++)
            {
                next[i] = last ? next[i] * scale : Math.Clamp(next[i] * scale, -1f, 1f);
            }

            field = next;
        }

        foreach (var s in spectra)
        {
            s.Dispose();
        }

        return field;
    }

    /// <summary>Dry skin: patches where the ridges do not print (0) among skin that does (1).</summary>
    private static byte[] Blotches(Random random, int width, int height)
    {
        var mask = new byte[width * height];
        Array.Fill(mask, (byte)1);
        for (var n = 0; n < 600; n++)
        {
            var (bx, by, radius) = (random.Next(width), random.Next(height), random.Next(3, 9));
            for (var y = Math.Max(0, by - radius); y < Math.Min(height, by + radius); y++)
            {
                for (var x = Math.Max(0, bx - radius); x < Math.Min(width, bx + radius); x++)
                {
                    if (((x - bx) * (x - bx)) + ((y - by) * (y - by)) < radius * radius)
                    {
                        mask[(y * width) + x] = 0;
                    }
                }
            }
        }

        return mask;
    }

    private static void AddNoise(Mat mat, Random random, double sigma)
    {
        var pixels = new byte[mat.Width * mat.Height];
        Marshal.Copy(mat.Data, pixels, 0, pixels.Length);
        for (var i = 0; i < pixels.Length; i++)
        {
            // Box–Muller: one normal sample per pixel.
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            pixels[i] = (byte)Math.Clamp(pixels[i] + (sigma * gaussian), 0, 255);
        }

        Marshal.Copy(pixels, 0, mat.Data, pixels.Length);
    }

    private static Frame ToFrame(Mat gray)
    {
        var pixels = new byte[gray.Width * gray.Height];
        Marshal.Copy(gray.Data, pixels, 0, pixels.Length);
        return Frame.FromPixels(gray.Width, gray.Height, PixelFormat.Gray8, pixels);
    }
}
