using OpenCvSharp;

namespace Gateway.Imaging.Portraits.Internal;

/// <summary>The pixel measures of a face: sharpness, exposure, contrast, and the background around the head.</summary>
internal static class QualityMeasures
{
    /// <summary>The side the face is resized to for sharpness, so the value does not depend on the face's size.</summary>
    public const int SharpnessSide = 128;

    /// <summary>Variance of the Laplacian of the face resized to 128 × 128.</summary>
    public static double Sharpness(Mat faceGray)
    {
        using var sized = new Mat();
        Cv2.Resize(faceGray, sized, new Size(SharpnessSide, SharpnessSide), 0, 0, InterpolationFlags.Area);
        using var laplacian = new Mat();
        Cv2.Laplacian(sized, laplacian, MatType.CV_64F);
        Cv2.MeanStdDev(laplacian, out _, out var deviation);
        return deviation.Val0 * deviation.Val0;
    }

    /// <summary>Mean and standard deviation of the face's grey levels, and the shares clipped to black and to white.</summary>
    public static (double Mean, double Deviation, double Dark, double Bright) Exposure(Mat faceGray)
    {
        Cv2.MeanStdDev(faceGray, out var mean, out var deviation);
        using var histogram = new Mat();
        Cv2.CalcHist([faceGray], [0], null, histogram, 1, [256], [new Rangef(0, 256)]);
        histogram.GetArray(out float[] bins);
        var total = (double)faceGray.Total();
        var dark = (bins[0] + bins[1] + bins[2] + bins[3]) / total;
        var bright = (bins[252] + bins[253] + bins[254] + bins[255]) / total;
        return (mean.Val0, deviation.Val0, dark, bright);
    }

    /// <summary>
    /// Standard deviation of the grey levels of the bands beside the head, left and right, pooled: from 0.35 to 0.95
    /// face widths away from the face box, over its height. (Above the head the hair reaches too far to tell from the
    /// background.) Pooling catches both clutter and a background lit unevenly from side to side. NaN when neither band
    /// is in the frame.
    /// </summary>
    public static double Background(Mat gray, Rect face)
    {
        var (x, y, w, h) = (face.X, face.Y, face.Width, face.Height);
        var frame = new Rect(0, 0, gray.Width, gray.Height);
        Rect[] bands =
        [
            new Rect(x - (int)(0.95 * w), y, (int)(0.6 * w), h) & frame,
            new Rect(x + w + (int)(0.35 * w), y, (int)(0.6 * w), h) & frame,
        ];
        double sum = 0, squares = 0, count = 0;
        foreach (var band in bands.Where(b => b.Width >= 4 && b.Height >= 4))
        {
            using var roi = new Mat(gray, band);
            Cv2.MeanStdDev(roi, out var mean, out var deviation);
            var n = (double)band.Width * band.Height;
            sum += mean.Val0 * n;
            squares += ((deviation.Val0 * deviation.Val0) + (mean.Val0 * mean.Val0)) * n;
            count += n;
        }

        if (count == 0)
        {
            return double.NaN;
        }

        var pooledMean = sum / count;
        return Math.Sqrt(Math.Max(0, (squares / count) - (pooledMean * pooledMean)));
    }
}
