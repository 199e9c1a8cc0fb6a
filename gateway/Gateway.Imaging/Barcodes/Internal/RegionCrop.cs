using OpenCvSharp;

namespace Gateway.Imaging.Barcodes.Internal;

/// <summary>
/// A candidate region cut out of the image and turned upright (deskewed), with a white quiet zone around it, and the
/// transform that maps its points back to the image.
/// </summary>
internal sealed class RegionCrop : IDisposable
{
    private const int MaxSide = 2400;
    private readonly Mat _inverse;

    private RegionCrop(Mat image, Mat inverse)
    {
        Image = image;
        _inverse = inverse;
    }

    public Mat Image { get; }

    public static RegionCrop Cut(Mat gray, RotatedRect region)
    {
        // Turn the longer side horizontal: PDF417 rows and 1D bars are read along it (2D matrix codes read any way up).
        if (region.Size.Height > region.Size.Width)
        {
            region = new RotatedRect(region.Center, new Size2f(region.Size.Height, region.Size.Width), region.Angle + 90);
        }

        // A margin of 12 % plus a fixed quiet zone: the locator's blob hugs the modules, ZXing wants the quiet zone.
        var width = (region.Size.Width * 1.12) + 24;
        var height = (region.Size.Height * 1.12) + 24;
        var scale = Math.Min(1.0, MaxSide / Math.Max(width, height));
        var size = new Size(Math.Max(8, (int)(width * scale)), Math.Max(8, (int)(height * scale)));
        using var forward = Cv2.GetRotationMatrix2D(region.Center, region.Angle, scale);
        forward.Set(0, 2, forward.At<double>(0, 2) + (size.Width / 2.0) - region.Center.X);
        forward.Set(1, 2, forward.At<double>(1, 2) + (size.Height / 2.0) - region.Center.Y);
        var image = new Mat();
        Cv2.WarpAffine(gray, image, forward, size, InterpolationFlags.Linear, BorderTypes.Constant, Scalar.White);
        var inverse = new Mat();
        Cv2.InvertAffineTransform(forward, inverse);
        return new RegionCrop(image, inverse);
    }

    /// <summary>Maps a point of <see cref="Image"/> (or of a copy scaled by <paramref name="scale"/>) to the source image.</summary>
    public ImagePoint ToSource(float x, float y, double scale = 1.0)
    {
        var (cx, cy) = (x / scale, y / scale);
        return new ImagePoint(
            (float)((_inverse.At<double>(0, 0) * cx) + (_inverse.At<double>(0, 1) * cy) + _inverse.At<double>(0, 2)),
            (float)((_inverse.At<double>(1, 0) * cx) + (_inverse.At<double>(1, 1) * cy) + _inverse.At<double>(1, 2)));
    }

    public void Dispose()
    {
        Image.Dispose();
        _inverse.Dispose();
    }
}
