using Gateway.Imaging.Internal;

namespace Gateway.Imaging;

/// <summary>
/// An uncompressed image in memory: what a camera delivers or a page scanner's file decodes to. Immutable; the pixels
/// are rows of <see cref="Stride"/> bytes, top row first.
/// </summary>
public sealed class Frame
{
    private Frame(int width, int height, PixelFormat format, int stride, ReadOnlyMemory<byte> pixels)
    {
        Width = width;
        Height = height;
        Format = format;
        Stride = stride;
        Pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The pixel layout.</summary>
    public PixelFormat Format { get; }

    /// <summary>Bytes from the start of one row to the start of the next.</summary>
    public int Stride { get; }

    /// <summary>The pixel rows.</summary>
    public ReadOnlyMemory<byte> Pixels { get; }

    /// <summary>Bytes per pixel of <see cref="Format"/>.</summary>
    public int BytesPerPixel => Format == PixelFormat.Gray8 ? 1 : 3;

    /// <summary>Wraps pixels the caller already has, without copying them.</summary>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <param name="format">The pixel layout.</param>
    /// <param name="pixels">The rows; at least <paramref name="stride"/> × (<paramref name="height"/> − 1) + one row.</param>
    /// <param name="stride">Bytes per row; 0 for tightly packed rows.</param>
    /// <exception cref="ArgumentException">The sizes do not fit the buffer.</exception>
    public static Frame FromPixels(int width, int height, PixelFormat format, ReadOnlyMemory<byte> pixels, int stride = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (format is not (PixelFormat.Gray8 or PixelFormat.Bgr24))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown pixel format.");
        }

        var row = (long)width * (format == PixelFormat.Gray8 ? 1 : 3);
        stride = stride == 0 ? (int)Math.Min(row, int.MaxValue) : stride;
        if (stride < row || (long)stride * (height - 1) + row > pixels.Length)
        {
            throw new ArgumentException($"A {width}×{height} {format} frame with stride {stride} needs more than {pixels.Length} bytes.", nameof(pixels));
        }

        return new Frame(width, height, format, stride, pixels);
    }

    /// <summary>Decodes an encoded image (PNG, JPEG, BMP, TIFF, WebP, PGM…) into a frame.</summary>
    /// <param name="encoded">The file's bytes.</param>
    /// <param name="format">The pixel layout wanted: <see cref="PixelFormat.Gray8"/> halves the memory of a page scan.</param>
    /// <param name="maxPixels">The largest image accepted, checked from the file's header before its pixels are decoded.</param>
    /// <exception cref="FrameDecodeException">The bytes are not an image this library reads, are truncated, or the image is larger than <paramref name="maxPixels"/>.</exception>
    public static Frame Decode(ReadOnlySpan<byte> encoded, PixelFormat format = PixelFormat.Bgr24, long maxPixels = 100_000_000) =>
        OpenCvFrames.Decode(encoded, format, maxPixels);

    /// <summary>Encodes the frame as PNG (lossless), for files and for the capture stream.</summary>
    public byte[] EncodePng() => OpenCvFrames.EncodePng(this);

    /// <summary>Encodes the frame as JPEG, for previews and portraits.</summary>
    /// <param name="quality">JPEG quality, 1 to 100.</param>
    /// <param name="maxWidth">Reduce (keeping the aspect ratio) to at most this width; 0 keeps the full size.</param>
    /// <returns>The JPEG bytes and the encoded image's size.</returns>
    public EncodedImage EncodeJpeg(int quality = 90, int maxWidth = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        ArgumentOutOfRangeException.ThrowIfNegative(maxWidth);
        var (jpeg, width, height) = OpenCvFrames.EncodeJpeg(this, quality, maxWidth);
        return new EncodedImage(jpeg, width, height);
    }
}
