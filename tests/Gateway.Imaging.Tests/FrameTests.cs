using Gateway.Imaging.TestMedia;
using OpenCvSharp;

namespace Gateway.Imaging.Tests;

public sealed class FrameTests
{
    [Fact]
    public void FromPixels_BufferTooSmall_Throws()
    {
        Assert.Throws<ArgumentException>(() => Frame.FromPixels(10, 10, PixelFormat.Bgr24, new byte[299]));
        Assert.Throws<ArgumentException>(() => Frame.FromPixels(10, 10, PixelFormat.Gray8, new byte[100], stride: 9));
    }

    [Fact]
    public void FromPixels_WithStride_KeepsRowLayout()
    {
        var frame = Frame.FromPixels(3, 2, PixelFormat.Gray8, new byte[] { 1, 2, 3, 0, 4, 5, 6 }, stride: 4);
        using var decoded = Cv2.ImDecode(frame.EncodePng(), ImreadModes.Unchanged);
        byte[] read = [decoded.At<byte>(0, 0), decoded.At<byte>(0, 1), decoded.At<byte>(0, 2), decoded.At<byte>(1, 0), decoded.At<byte>(1, 1), decoded.At<byte>(1, 2)];
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, read);
    }

    [Fact]
    public void Decode_Png_RoundTripsPixels()
    {
        using var barcode = SyntheticBarcodes.Render("QR_CODE", "UTO", 120);
        var frame = Frame.Decode(barcode.ImEncode(".png"), PixelFormat.Gray8);
        Assert.Equal((barcode.Width, barcode.Height, PixelFormat.Gray8), (frame.Width, frame.Height, frame.Format));
        var colour = Frame.Decode(frame.EncodePng());
        Assert.Equal(PixelFormat.Bgr24, colour.Format);
        Assert.Equal(barcode.Width * 3, colour.Stride);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(100)]
    public void Decode_TruncatedPng_ThrowsUnreadable(int keep)
    {
        using var barcode = SyntheticBarcodes.Render("QR_CODE", "UTO", 200);
        var bytes = barcode.ImEncode(".png")[..keep];
        var error = Assert.Throws<FrameDecodeException>(() => Frame.Decode(bytes));
        Assert.Equal("image.unreadable", error.Code);
    }

    [Fact]
    public void Decode_RandomBytes_ThrowsUnreadable()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        Assert.Equal("image.unreadable", Assert.Throws<FrameDecodeException>(() => Frame.Decode(bytes)).Code);
    }

    [Fact]
    public void Decode_HeaderClaimsHugeImage_RefusedBeforeDecoding()
    {
        using var small = new Mat(4, 4, MatType.CV_8UC1, Scalar.White);
        var png = small.ImEncode(".png");
        // Claim 100 000 × 100 000 pixels in the IHDR chunk: refused from the header, nothing allocated.
        png[16..24].AsSpan().Clear();
        png[17] = 0x01; png[18] = 0x86; png[19] = 0xA0;
        png[21] = 0x01; png[22] = 0x86; png[23] = 0xA0;
        var error = Assert.Throws<FrameDecodeException>(() => Frame.Decode(png));
        Assert.Equal("image.too_large", error.Code);
        Assert.Contains("100000×100000", error.Message, StringComparison.Ordinal);
    }
}
