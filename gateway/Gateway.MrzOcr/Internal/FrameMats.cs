using System.Runtime.InteropServices;
using Gateway.Imaging;
using OpenCvSharp;

namespace Gateway.MrzOcr.Internal;

/// <summary>Where frames meet OpenCV in this library: a grey Mat of a frame, a frame of a grey Mat.</summary>
internal static class FrameMats
{
    public static Mat ToGray(Frame frame)
    {
        var type = frame.Format == PixelFormat.Gray8 ? MatType.CV_8UC1 : MatType.CV_8UC3;
        using var mat = new Mat(frame.Height, frame.Width, type);
        var row = frame.Width * frame.BytesPerPixel;
        var pixels = MemoryMarshal.TryGetArray(frame.Pixels, out var segment) ? segment : new ArraySegment<byte>(frame.Pixels.ToArray());
        for (var y = 0; y < frame.Height; y++)
        {
            Marshal.Copy(pixels.Array!, pixels.Offset + (y * frame.Stride), mat.Ptr(y), row);
        }

        var gray = new Mat();
        if (frame.Format == PixelFormat.Gray8)
        {
            mat.CopyTo(gray);
        }
        else
        {
            Cv2.CvtColor(mat, gray, ColorConversionCodes.BGR2GRAY);
        }

        return gray;
    }

    public static Frame ToFrame(Mat gray)
    {
        var (width, height) = (gray.Width, gray.Height);
        return Frame.FromPixels(width, height, PixelFormat.Gray8, Bytes(gray));
    }

    /// <summary>The pixels of a grey Mat, packed.</summary>
    public static byte[] Bytes(Mat gray)
    {
        var (width, height) = (gray.Width, gray.Height);
        var bytes = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            Marshal.Copy(gray.Ptr(y), bytes, y * width, width);
        }

        return bytes;
    }
}
