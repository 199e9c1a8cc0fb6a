using System.Runtime.InteropServices;
using OpenCvSharp;

namespace Gateway.Imaging.Fingerprints.Internal;

/// <summary>
/// Per-block statistics of a grey fingerprint image on a grid of <see cref="Block"/>-pixel blocks: mean and standard
/// deviation of the grey, and the means of the gradient structure tensor (gx², gy², gx·gy). Computed once per image with
/// OpenCV (Sobel, then an area resize whose cells are exactly the blocks), so every later step reads small arrays.
/// </summary>
internal sealed class GradientField
{
    public const int Block = 16;

    private GradientField(int columns, int rows, float[] mean, float[] std, float[] gxx, float[] gyy, float[] gxy)
    {
        Columns = columns;
        Rows = rows;
        Mean = mean;
        Std = std;
        Gxx = gxx;
        Gyy = gyy;
        Gxy = gxy;
    }

    public int Columns { get; }

    public int Rows { get; }

    public float[] Mean { get; }

    public float[] Std { get; }

    public float[] Gxx { get; }

    public float[] Gyy { get; }

    public float[] Gxy { get; }

    /// <summary>Orientation coherence of a block: |λ1 − λ2| / (λ1 + λ2), 0 for noise or flat grey, near 1 for parallel ridges.</summary>
    public float Coherence(int i)
    {
        var (a, b, c) = (Gxx[i], Gyy[i], Gxy[i]);
        var sum = a + b;
        return sum <= 1e-3f ? 0 : MathF.Sqrt(((a - b) * (a - b)) + (4 * c * c)) / sum;
    }

    public static GradientField Compute(Mat gray)
    {
        var columns = gray.Cols / Block;
        var rows = gray.Rows / Block;
        using var roi = new Mat(gray, new Rect(0, 0, columns * Block, rows * Block));
        using var grey = new Mat();
        roi.ConvertTo(grey, MatType.CV_32F);
        using var gx = new Mat();
        using var gy = new Mat();
        Cv2.Sobel(grey, gx, MatType.CV_32F, 1, 0, 3);
        Cv2.Sobel(grey, gy, MatType.CV_32F, 0, 1, 3);

        var size = new Size(columns, rows);
        var mean = Reduce(grey, grey, size, square: false);
        var meanSquare = Reduce(grey, grey, size, square: true);
        var std = new float[mean.Length];
        for (var i = 0; i < std.Length; i++)
        {
            std[i] = MathF.Sqrt(MathF.Max(0, meanSquare[i] - (mean[i] * mean[i])));
        }

        return new GradientField(
            columns, rows, mean, std,
            Reduce(gx, gx, size, square: true),
            Reduce(gy, gy, size, square: true),
            Reduce(gx, gy, size, square: true));
    }

    /// <summary>Block means of <paramref name="a"/> (or of a·b when <paramref name="square"/>).</summary>
    private static float[] Reduce(Mat a, Mat b, Size size, bool square)
    {
        using var product = new Mat();
        if (square)
        {
            Cv2.Multiply(a, b, product);
        }
        else
        {
            a.CopyTo(product);
        }

        using var reduced = new Mat();
        Cv2.Resize(product, reduced, size, 0, 0, InterpolationFlags.Area);
        var values = new float[size.Width * size.Height];
        Marshal.Copy(reduced.Data, values, 0, values.Length);
        return values;
    }
}
