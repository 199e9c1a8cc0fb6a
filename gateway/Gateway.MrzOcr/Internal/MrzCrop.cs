using Gateway.Imaging.Internal;
using OpenCvSharp;

namespace Gateway.MrzOcr.Internal;

/// <summary>
/// A candidate region cut out upright at a fixed text length (<see cref="TextLength"/> pixels along the block), with
/// the mapping back to the source image. The crop is taller than the region so that MRZ lines the locator did not join
/// into it are in it too.
/// </summary>
internal sealed class MrzCrop : IDisposable
{
    public const int TextLength = 1000;

    private readonly Point2f _center;
    private readonly Point2f _u;
    private readonly Point2f _v;
    private readonly float _k;

    private MrzCrop(Mat image, Point2f center, Point2f u, Point2f v, float k, byte[]? pixels = null)
    {
        Image = image;
        _center = center;
        _u = u;
        _v = v;
        _k = k;
        Pixels = pixels ?? OpenCvFrames.GrayBytes(image);
    }

    public Mat Image { get; }

    /// <summary>The crop's pixels, packed rows.</summary>
    public byte[] Pixels { get; }

    public int Width => Image.Width;

    public int Height => Image.Height;

    /// <summary>Crop pixels per source pixel.</summary>
    public float Scale => _k;

    /// <summary>Cuts <paramref name="box"/> out of <paramref name="gray"/> with its long side horizontal; upside down when <paramref name="flipped"/>.</summary>
    /// <param name="gray">The source image.</param>
    /// <param name="box">The region; its long side is the text's direction.</param>
    /// <param name="flipped">Whether to cut it upside down.</param>
    /// <param name="across">How far across the text to cut, in source pixels; by default 1.5 times the box's thickness and at least a fifth of its length.</param>
    public static MrzCrop Cut(Mat gray, RotatedRect box, bool flipped, float? across = null)
    {
        var points = box.Points();
        var (a, b, c) = (points[0], points[1], points[2]);
        var side1 = b - a;
        var side2 = c - b;
        var (along, thickness) = Length(side1) >= Length(side2) ? (side1, side2) : (side2, side1);
        var length = Length(along);
        var u = new Point2f(along.X / length, along.Y / length);
        if (u.X < 0 || (u.X == 0 && u.Y < 0))
        {
            u = new Point2f(-u.X, -u.Y);
        }

        if (flipped)
        {
            u = new Point2f(-u.X, -u.Y);
        }

        var v = new Point2f(-u.Y, u.X);
        var k = TextLength / length;
        var width = (int)(TextLength * 1.1);
        // A box that is the whole image (an MRZ strip given alone) is cut as it is: nothing lies beyond it.
        var whole = box.Angle == 0 && (int)Math.Round(box.Size.Width) == gray.Width && (int)Math.Round(box.Size.Height) == gray.Height;
        var height = (int)((across ?? (whole ? Length(thickness) : Math.Max(Length(thickness) * 1.5, length * 0.2))) * k);
        var center = box.Center;
        using var matrix = new Mat(2, 3, MatType.CV_64FC1);
        matrix.Set(0, 0, (double)(k * u.X));
        matrix.Set(0, 1, (double)(k * u.Y));
        matrix.Set(0, 2, (width / 2.0) - (k * ((u.X * center.X) + (u.Y * center.Y))));
        matrix.Set(1, 0, (double)(k * v.X));
        matrix.Set(1, 1, (double)(k * v.Y));
        matrix.Set(1, 2, (height / 2.0) - (k * ((v.X * center.X) + (v.Y * center.Y))));
        var crop = new Mat();
        Cv2.WarpAffine(gray, crop, matrix, new Size(width, height), k < 1 ? InterpolationFlags.Area : InterpolationFlags.Linear, BorderTypes.Replicate);
        return new MrzCrop(crop, center, u, v, k);
    }

    /// <summary>
    /// The same crop turned half a turn (what <see cref="Cut"/> gives with the other <c>flipped</c>, without cutting
    /// again): crop pixel (x, y) becomes (W−1−x, H−1−y), and the mapping to the source follows.
    /// </summary>
    public MrzCrop Turned()
    {
        var image = new Mat();
        Cv2.Flip(Image, image, FlipMode.XY);
        var pixels = (byte[])Pixels.Clone();
        Array.Reverse(pixels);
        var center = new Point2f(_center.X - ((_u.X + _v.X) / _k), _center.Y - ((_u.Y + _v.Y) / _k));
        return new MrzCrop(image, center, new Point2f(-_u.X, -_u.Y), new Point2f(-_v.X, -_v.Y), _k, pixels);
    }

    /// <summary>A crop point in the source image.</summary>
    public Point2f ToSource(float x, float y)
    {
        var (dx, dy) = ((x - (Width / 2f)) / _k, (y - (Height / 2f)) / _k);
        return new Point2f(_center.X + (dx * _u.X) + (dy * _v.X), _center.Y + (dx * _u.Y) + (dy * _v.Y));
    }

    public void Dispose() => Image.Dispose();

    private static float Length(Point2f p) => MathF.Sqrt((p.X * p.X) + (p.Y * p.Y));
}
