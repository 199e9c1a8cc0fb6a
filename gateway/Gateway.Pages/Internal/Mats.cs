using System.Runtime.InteropServices;
using Gateway.Imaging;
using OpenCvSharp;

namespace Gateway.Pages.Internal;

/// <summary>Where frames meet OpenCV in this library.</summary>
internal static class Mats
{
    public static Mat FromFrame(Frame frame)
    {
        var type = frame.Format == PixelFormat.Gray8 ? MatType.CV_8UC1 : MatType.CV_8UC3;
        var mat = new Mat(frame.Height, frame.Width, type);
        var row = frame.Width * frame.BytesPerPixel;
        var pixels = MemoryMarshal.TryGetArray(frame.Pixels, out var segment) ? segment : new ArraySegment<byte>(frame.Pixels.ToArray());
        for (var y = 0; y < frame.Height; y++)
        {
            Marshal.Copy(pixels.Array!, pixels.Offset + (y * frame.Stride), mat.Ptr(y), row);
        }

        return mat;
    }

    public static Frame ToFrame(Mat mat)
    {
        var (channels, width, height) = (mat.Channels(), mat.Width, mat.Height);
        var row = width * channels;
        var bytes = new byte[row * height];
        for (var y = 0; y < height; y++)
        {
            Marshal.Copy(mat.Ptr(y), bytes, y * row, row);
        }

        return Frame.FromPixels(width, height, channels == 1 ? PixelFormat.Gray8 : PixelFormat.Bgr24, bytes);
    }

    public static Mat Gray(Mat image)
    {
        if (image.Channels() == 1)
        {
            return image.Clone();
        }

        var gray = new Mat();
        Cv2.CvtColor(image, gray, ColorConversionCodes.BGR2GRAY);
        return gray;
    }

    /// <summary>The most frequent grey level (the paper, on a document) of a grey image.</summary>
    public static int Mode(Mat gray, Mat? mask = null)
    {
        using var hist = new Mat();
        Cv2.CalcHist([gray], [0], mask is null ? null : (InputArray)mask, hist, 1, [256], [new Rangef(0, 256)]);
        using var smooth = new Mat();
        Cv2.GaussianBlur(hist, smooth, new Size(1, 9), 0);
        smooth.MinMaxLoc(out double _, out double _, out Point _, out var max);
        return max.Y;
    }

    /// <summary>The grey level below which <paramref name="share"/> of the pixels lie.</summary>
    public static int Percentile(Mat gray, double share)
    {
        using var hist = new Mat();
        Cv2.CalcHist([gray], [0], null, hist, 1, [256], [new Rangef(0, 256)]);
        var total = (double)gray.Total();
        var sum = 0.0;
        for (var i = 0; i < 256; i++)
        {
            sum += hist.At<float>(i);
            if (sum >= share * total)
            {
                return i;
            }
        }

        return 255;
    }
}
