using System.Runtime.InteropServices;
using OpenCvSharp;

namespace Gateway.Imaging.Internal;

/// <summary>The one place where frames meet OpenCV: decoding, encoding and conversion to and from <see cref="Mat"/>.</summary>
internal static class OpenCvFrames
{
    public static Frame Decode(ReadOnlySpan<byte> encoded, PixelFormat format, long maxPixels)
    {
        using var mat = DecodeMat(encoded, format, maxPixels);
        return ToFrame(mat);
    }

    /// <summary>Decodes into a Mat (grey or BGR), for readers that work on Mats: no copy into a frame and back.</summary>
    /// <param name="encoded">The file's bytes.</param>
    /// <param name="format">Grey or colour.</param>
    /// <param name="maxPixels">The largest image accepted, at full size.</param>
    /// <param name="reduction">1, or 2, 4 or 8 to decode at that fraction of the size (a JPEG's decoder then does less work).</param>
    public static Mat DecodeMat(ReadOnlySpan<byte> encoded, PixelFormat format, long maxPixels, int reduction = 1)
    {
        if (encoded.IsEmpty)
        {
            throw new FrameDecodeException("image.unreadable", "The image is empty.");
        }

        if (ImageHeader.TryReadSize(encoded, out var width, out var height) && width * height > maxPixels)
        {
            throw new FrameDecodeException(
                "image.too_large", $"The image is {width}×{height} pixels, more than the {maxPixels:N0} accepted.");
        }

        Mat mat;
        try
        {
            mat = Cv2.ImDecode(encoded, (format == PixelFormat.Gray8, reduction) switch
            {
                (_, 1) => format == PixelFormat.Gray8 ? ImreadModes.Grayscale : ImreadModes.Color,
                (true, 2) => ImreadModes.ReducedGrayscale2,
                (true, 4) => ImreadModes.ReducedGrayscale4,
                (true, 8) => ImreadModes.ReducedGrayscale8,
                (false, 2) => ImreadModes.ReducedColor2,
                (false, 4) => ImreadModes.ReducedColor4,
                (false, 8) => ImreadModes.ReducedColor8,
                _ => throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "1, 2, 4 or 8."),
            });
        }
        catch (OpenCVException ex)
        {
            throw new FrameDecodeException("image.unreadable", "The image could not be decoded: " + ex.Message, ex);
        }

        if (mat.Empty())
        {
            mat.Dispose();
            throw new FrameDecodeException("image.unreadable", "The bytes are not an image in a format this gateway reads, or the image is truncated.");
        }

        if ((long)mat.Width * mat.Height * reduction * reduction > maxPixels)
        {
            var (decodedWidth, decodedHeight) = (mat.Width * reduction, mat.Height * reduction);
            mat.Dispose();
            throw new FrameDecodeException("image.too_large", $"The image is {decodedWidth}×{decodedHeight} pixels, more than the {maxPixels:N0} accepted.");
        }

        return mat;
    }

    public static byte[] EncodePng(Frame frame)
    {
        using var mat = ToMat(frame);
        return mat.ImEncode(".png");
    }

    /// <summary>Encodes the frame as JPEG, reduced to <paramref name="maxWidth"/> when it is wider (0 = full size).</summary>
    public static (byte[] Jpeg, int Width, int Height) EncodeJpeg(Frame frame, int quality, int maxWidth)
    {
        using var mat = ToMat(frame);
        if (maxWidth > 0 && frame.Width > maxWidth)
        {
            var height = Math.Max(1, (int)Math.Round(frame.Height * (double)maxWidth / frame.Width));
            using var reduced = new Mat();
            Cv2.Resize(mat, reduced, new Size(maxWidth, height), 0, 0, InterpolationFlags.Area);
            return (reduced.ImEncode(".jpg", [(int)ImwriteFlags.JpegQuality, quality]), maxWidth, height);
        }

        return (mat.ImEncode(".jpg", [(int)ImwriteFlags.JpegQuality, quality]), frame.Width, frame.Height);
    }

    /// <summary>Copies a continuous or strided 8-bit Mat of 1 or 3 channels into a new frame.</summary>
    public static Frame ToFrame(Mat mat)
    {
        var (width, height, channels) = (mat.Width, mat.Height, mat.Channels());
        var row = width * channels;
        var pixels = new byte[row * height];
        if (mat.IsContinuous())
        {
            // One copy for a camera frame instead of one per row.
            Marshal.Copy(mat.Data, pixels, 0, pixels.Length);
            return Frame.FromPixels(width, height, channels == 1 ? PixelFormat.Gray8 : PixelFormat.Bgr24, pixels);
        }

        for (var y = 0; y < height; y++)
        {
            Marshal.Copy(mat.Ptr(y), pixels, y * row, row);
        }

        return Frame.FromPixels(width, height, channels == 1 ? PixelFormat.Gray8 : PixelFormat.Bgr24, pixels);
    }

    /// <summary>A new Mat holding a copy of the frame's pixels.</summary>
    public static Mat ToMat(Frame frame)
    {
        var type = frame.Format == PixelFormat.Gray8 ? MatType.CV_8UC1 : MatType.CV_8UC3;
        var mat = new Mat(frame.Height, frame.Width, type);
        var row = frame.Width * frame.BytesPerPixel;
        var pixels = PixelArray(frame);
        if (frame.Stride == row)
        {
            Marshal.Copy(pixels.Array!, pixels.Offset, mat.Data, row * frame.Height);
            return mat;
        }

        for (var y = 0; y < frame.Height; y++)
        {
            Marshal.Copy(pixels.Array!, pixels.Offset + (y * frame.Stride), mat.Ptr(y), row);
        }

        return mat;
    }

    /// <summary>The frame's pixels as an array segment (copied only when they are not in an array).</summary>
    private static ArraySegment<byte> PixelArray(Frame frame) =>
        MemoryMarshal.TryGetArray(frame.Pixels, out var segment) ? segment : new ArraySegment<byte>(frame.Pixels.ToArray());

    /// <summary>A grey Mat of the frame (converted when the frame is colour, straight from the frame's pixels).</summary>
    public static Mat ToGrayMat(Frame frame)
    {
        if (frame.Format == PixelFormat.Gray8)
        {
            return ToMat(frame);
        }

        var pixels = PixelArray(frame);
        var handle = GCHandle.Alloc(pixels.Array, GCHandleType.Pinned);
        try
        {
            using var colour = Mat.FromPixelData(frame.Height, frame.Width, MatType.CV_8UC3, handle.AddrOfPinnedObject() + pixels.Offset, frame.Stride);
            var gray = new Mat();
            Cv2.CvtColor(colour, gray, ColorConversionCodes.BGR2GRAY);
            return gray;
        }
        finally
        {
            handle.Free();
        }
    }

    /// <summary>The pixels of a grey Mat as a packed array (what ZXing's luminance source takes).</summary>
    public static byte[] GrayBytes(Mat gray)
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
