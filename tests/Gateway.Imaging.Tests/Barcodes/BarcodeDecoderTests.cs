using System.Text;
using Gateway.Imaging.Barcodes;
using Gateway.Imaging.TestMedia;
using OpenCvSharp;

namespace Gateway.Imaging.Tests.Barcodes;

public sealed class BarcodeDecoderTests
{
    private readonly BarcodeDecoder _decoder = new();

    [Theory]
    [InlineData("PDF417", "]L")]
    [InlineData("QR_CODE", "]Q")]
    [InlineData("AZTEC", "]z")]
    [InlineData("DATA_MATRIX", "]d")]
    [InlineData("CODE_128", "]C")]
    [InlineData("CODE_39", "]A")]
    public void Decode_CleanSymbol_ReturnsPayloadAimIdentifierAndCorners(string symbology, string aimPrefix)
    {
        const string payload = "UTO L898902C3";
        using var barcode = SyntheticBarcodes.Render(symbology, payload, 500);
        var (image, center) = Degrader.Apply(barcode, new Degradation(), seed: 1);

        var found = Assert.Single(_decoder.Decode(image).Barcodes);

        Assert.Equal(symbology, found.Symbology);
        Assert.Equal(payload, found.Text);
        Assert.Equal(Encoding.ASCII.GetBytes(payload), found.Raw.ToArray());
        Assert.StartsWith(aimPrefix, found.AimIdentifier, StringComparison.Ordinal);
        Assert.Equal(4, found.Corners.Count);
        Assert.InRange(found.Corners.Average(p => p.X), center.X - 40, center.X + 40);
        Assert.InRange(found.Corners.Average(p => p.Y), center.Y - 40, center.Y + 40);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(15)]
    public void Decode_Pdf417Tilted_IsDeskewedByTheRegionPass(double degrees)
    {
        const string payload = "M1DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100";
        using var barcode = SyntheticBarcodes.Render("PDF417", payload, 760);
        var (image, _) = Degrader.Apply(barcode, new Degradation(RotationDegrees: degrees), seed: 2);

        var found = Assert.Single(_decoder.Decode(image).Barcodes);

        Assert.Equal(payload, found.Text);
        Assert.StartsWith("region", found.Pass, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_BinaryPayload_KeepsEveryByte()
    {
        var payload = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        using var barcode = SyntheticBarcodes.Render("DATA_MATRIX", payload, 500);
        var (image, _) = Degrader.Apply(barcode, new Degradation(), seed: 3);

        var found = Assert.Single(_decoder.Decode(image).Barcodes);

        Assert.Equal(payload, found.Raw.ToArray());
    }

    [Fact]
    public void Decode_SeveralBarcodesOnAPage_FindsEachAtItsPlace()
    {
        using var page = Degrader.Page(new Random(5));
        var placed = new (string Symbology, string Payload, Point At)[]
        {
            ("QR_CODE", "FIRST", new Point(100, 100)),
            ("PDF417", "SECOND BARCODE ON THE PAGE", new Point(900, 150)),
            ("DATA_MATRIX", "THIRD", new Point(300, 900)),
        };
        var boxes = new Dictionary<string, Rect>();
        foreach (var (symbology, payload, at) in placed)
        {
            using var barcode = SyntheticBarcodes.Render(symbology, payload, 360);
            using var target = new Mat(page, new Rect(at, barcode.Size()));
            barcode.CopyTo(target);
            boxes[payload] = new Rect(at, barcode.Size());
        }

        var result = _decoder.Decode(page.ImEncode(".png"));

        Assert.Equal(3, result.Barcodes.Count);
        foreach (var (symbology, payload, at) in placed)
        {
            var found = Assert.Single(result.Barcodes, b => b.Text == payload);
            Assert.Equal(symbology, found.Symbology);
            // Outlines come from the locator, which works on a reduced copy: within about 1 % of the page.
            var box = boxes[payload];
            Assert.All(found.Corners, c => Assert.InRange(c.X, box.Left - 16, box.Right + 16));
            Assert.All(found.Corners, c => Assert.InRange(c.Y, box.Top - 16, box.Bottom + 16));
        }
    }

    [Fact]
    public void Decode_PageWithoutBarcode_ReturnsNone()
    {
        using var page = Degrader.Page(new Random(6));

        var result = _decoder.Decode(page.ImEncode(".jpg"));

        Assert.Empty(result.Barcodes);
        Assert.True(result.Attempts > 1, "the region pass ran");
    }

    [Fact]
    public void Decode_ZeroBudget_StopsAfterTheWholeImagePass()
    {
        using var barcode = SyntheticBarcodes.Render("PDF417", "M1DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100", 760);
        var (image, _) = Degrader.Apply(barcode, new Degradation(RotationDegrees: 12), seed: 7);
        var decoder = new BarcodeDecoder(new BarcodeDecodeOptions { Budget = TimeSpan.Zero });

        var result = decoder.Decode(image);

        Assert.True(result.BudgetExhausted);
        Assert.Equal(1, result.Attempts);
        Assert.Empty(result.Barcodes);
    }

    [Fact]
    public void Decode_FiftyMegapixelFrame_FindsTheBarcode()
    {
        const int width = 8200, height = 6100;
        using var page = new Mat(height, width, MatType.CV_8UC1, Scalar.White);
        using (var barcode = SyntheticBarcodes.Render("QR_CODE", "LARGE PAGE", 1200))
        using (var target = new Mat(page, new Rect(new Point(5000, 3000), barcode.Size())))
        {
            barcode.CopyTo(target);
        }

        var pixels = new byte[width * height];
        System.Runtime.InteropServices.Marshal.Copy(page.Data, pixels, 0, pixels.Length);

        var result = _decoder.Decode(Frame.FromPixels(width, height, PixelFormat.Gray8, pixels));

        var found = Assert.Single(result.Barcodes);
        Assert.Equal("LARGE PAGE", found.Text);
        Assert.InRange(found.Corners.Average(p => p.X), 5000, 6200);
    }

    [Fact]
    public void Decode_Cancelled_Throws()
    {
        using var page = Degrader.Page(new Random(8));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => _decoder.Decode(page.ImEncode(".png"), cancelled.Token));
    }

    [Fact]
    public void Decode_NotAnImage_ThrowsFrameDecodeException()
    {
        Assert.Throws<FrameDecodeException>(() => _decoder.Decode("not an image"u8));
    }

    [Fact]
    public void Constructor_UnknownSymbology_Throws()
    {
        Assert.Throws<ArgumentException>(() => new BarcodeDecoder(new BarcodeDecodeOptions { Symbologies = ["MAXICODE"] }));
    }
}
