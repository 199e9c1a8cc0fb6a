using Gateway.Imaging.Barcodes.Internal;
using Gateway.Imaging.Internal;
using OpenCvSharp;
using ZXing;

namespace Gateway.Imaging.Barcodes;

/// <summary>
/// Finds and decodes every barcode in a page or camera image, including the ones ZXing alone misses: tilted PDF417,
/// symbols too small or too blurred for a single pass. Thread-safe; one instance can serve every device.
/// </summary>
/// <remarks>
/// First the whole image (reduced when very large) is decoded once. Then candidate regions are
/// located with OpenCV; each region no barcode already covers is cut out upright (deskewed) and tried as it is, scaled,
/// lightly blurred and binarised, stopping at the first success. Every attempt checks the time budget.
/// </remarks>
public sealed class BarcodeDecoder
{
    private readonly BarcodeDecodeOptions _options;

    /// <summary>Creates a decoder.</summary>
    /// <param name="options">What to look for and for how long; the defaults when null.</param>
    /// <exception cref="ArgumentException">An unknown symbology name.</exception>
    public BarcodeDecoder(BarcodeDecodeOptions? options = null)
    {
        _options = options ?? new BarcodeDecodeOptions();
        _ = new ZxingReader(_options.Symbologies);
    }

    /// <summary>Decodes an encoded image file (PNG, JPEG, …).</summary>
    /// <param name="encodedImage">The file's bytes.</param>
    /// <param name="cancellationToken">Stops between attempts.</param>
    /// <exception cref="FrameDecodeException">The bytes are not a readable image, or it is too large.</exception>
    public BarcodeDecodeResult Decode(ReadOnlySpan<byte> encodedImage, CancellationToken cancellationToken = default)
    {
        var started = _options.TimeProvider.GetTimestamp();
        var frame = Frame.Decode(encodedImage, PixelFormat.Gray8);
        return Decode(frame, started, cancellationToken);
    }

    /// <summary>Decodes a frame.</summary>
    /// <param name="frame">A grey or colour frame.</param>
    /// <param name="cancellationToken">Stops between attempts.</param>
    public BarcodeDecodeResult Decode(Frame frame, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Decode(frame, _options.TimeProvider.GetTimestamp(), cancellationToken);
    }

    private BarcodeDecodeResult Decode(Frame frame, long started, CancellationToken cancellationToken)
    {
        var reader = new ZxingReader(_options.Symbologies);
        var found = new List<DecodedBarcode>();
        var attempts = 0;
        var exhausted = false;
        using var gray = OpenCvFrames.ToGrayMat(frame);

        bool OutOfTime()
        {
            cancellationToken.ThrowIfCancellationRequested();
            exhausted = _options.TimeProvider.GetElapsedTime(started) >= _options.Budget;
            return exhausted;
        }

        attempts++;
        WholePass(gray, reader, found);
        var regions = RegionLocator.Locate(gray, _options.MaxRegions);
        foreach (var region in regions)
        {
            if (Covered(region.Center, found))
            {
                continue;
            }

            if (OutOfTime())
            {
                break;
            }

            using var crop = RegionCrop.Cut(gray, region);
            foreach (var (pass, make) in Variants)
            {
                if (OutOfTime())
                {
                    break;
                }

                attempts++;
                using var variant = make(crop.Image, out var scale);
                if (reader.DecodeOne(variant) is { } result)
                {
                    var corners = Corners(ZxingReader.PointsOf(result).Select(p => crop.ToSource(p.X, p.Y, scale)));
                    Add(found, ToBarcode(result, corners, pass));
                    break;
                }
            }

            if (exhausted)
            {
                break;
            }
        }

        var ordered = found.Select(b => Outline(b, regions)).OrderBy(b => b.Corners.Min(p => p.Y)).ThenBy(b => b.Corners.Min(p => p.X)).ToArray();
        return new BarcodeDecodeResult(ordered, exhausted, _options.TimeProvider.GetElapsedTime(started), attempts);
    }

    private delegate Mat Variant(Mat crop, out double scale);

    private static readonly (string Pass, Variant Make)[] Variants =
    [
        ("region", (Mat crop, out double scale) => { scale = 1; return crop.Clone(); }),
        ("region-scaled", (Mat crop, out double scale) =>
        {
            // Small symbols gain from enlarging (ZXing needs about 3 pixels a module); large ones from reducing.
            scale = Math.Min(crop.Width, crop.Height) < 400 ? 2.0 : 0.5;
            var scaled = new Mat();
            Cv2.Resize(crop, scaled, new Size(0, 0), scale, scale, scale > 1 ? InterpolationFlags.Cubic : InterpolationFlags.Area);
            return scaled;
        }),
        ("region-blurred", (Mat crop, out double scale) =>
        {
            scale = 1;
            var blurred = new Mat();
            Cv2.GaussianBlur(crop, blurred, new Size(3, 3), 0);
            return blurred;
        }),
        ("region-binarized", (Mat crop, out double scale) =>
        {
            scale = 1;
            var binary = new Mat();
            Cv2.GaussianBlur(crop, binary, new Size(5, 5), 0);
            Cv2.Threshold(binary, binary, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
            return binary;
        }),
    ];

    private void WholePass(Mat gray, ZxingReader reader, List<DecodedBarcode> found)
    {
        var pixels = (long)gray.Width * gray.Height;
        var scale = pixels > _options.WholePassPixels ? Math.Sqrt(_options.WholePassPixels / (double)pixels) : 1.0;
        using var image = new Mat();
        if (scale < 1)
        {
            Cv2.Resize(gray, image, new Size(0, 0), scale, scale, InterpolationFlags.Area);
        }
        else
        {
            gray.CopyTo(image);
        }

        // One symbol from the whole image; the region pass finds the others. (ZXing's multiple reader searches every
        // side of each symbol it finds again, which costs more than the region pass on a typical document.)
        if (reader.DecodeFirst(image) is { } result)
        {
            var corners = Corners(ZxingReader.PointsOf(result).Select(p => new ImagePoint((float)(p.X / scale), (float)(p.Y / scale))));
            Add(found, ToBarcode(result, corners, "whole"));
        }
    }

    /// <summary>
    /// ZXing's points are not always the symbol's corners (a QR code's are its finder pattern centres): when a located
    /// region holds the barcode snugly, its outline is the better position.
    /// </summary>
    private static DecodedBarcode Outline(DecodedBarcode barcode, IReadOnlyList<RotatedRect> regions)
    {
        if (barcode.Corners.Count != 4)
        {
            return barcode;
        }

        var center = new Point2f(barcode.Corners.Average(p => p.X), barcode.Corners.Average(p => p.Y));
        var points = barcode.Corners.Select(p => new Point2f(p.X, p.Y)).ToArray();
        var area = Cv2.ContourArea(points);
        // A QR code's finder centres span (N − 7)/N of its side: its outline is 2.3 times their area at 21 modules, more when blurred.
        var larger = barcode.Symbology == Symbologies.QrCode ? 3.2 : 1.5;
        var snug = regions
            .Where(r => r.Size.Width * r.Size.Height >= area * 0.9 && r.Size.Width * r.Size.Height <= Math.Max(area, 1) * larger)
            .Where(r => Cv2.PointPolygonTest(r.Points(), center, false) >= 0 && points.All(p => Cv2.PointPolygonTest(r.Points(), p, true) >= -8))
            .OrderBy(r => r.Size.Width * r.Size.Height)
            .FirstOrDefault();
        return snug.Size.Width > 0 ? barcode with { Corners = Corners(snug.Points().Select(p => new ImagePoint(p.X, p.Y))) } : barcode;
    }

    private static DecodedBarcode ToBarcode(Result result, IReadOnlyList<ImagePoint> corners, string pass) =>
        new(ZxingReader.SymbologyOf(result), ZxingReader.RawOf(result), result.Text ?? string.Empty, ZxingReader.AimIdentifierOf(result), corners, pass);

    /// <summary>The four corners of the smallest rectangle around the points ZXing located, clockwise from the top left.</summary>
    private static ImagePoint[] Corners(IEnumerable<ImagePoint> points)
    {
        var list = points.Select(p => new Point2f(p.X, p.Y)).ToArray();
        if (list.Length == 0)
        {
            return [];
        }

        var box = Cv2.MinAreaRect(list).Points();
        var start = Array.IndexOf(box, box.MinBy(p => p.X + p.Y));
        var ordered = Enumerable.Range(0, 4).Select(i => box[(start + i) % 4]).ToArray();
        // Make the order clockwise in image coordinates (y down): the signed area is positive.
        var area = 0f;
        for (var i = 0; i < 4; i++)
        {
            area += (ordered[i].X * ordered[(i + 1) % 4].Y) - (ordered[(i + 1) % 4].X * ordered[i].Y);
        }

        if (area < 0)
        {
            ordered = [ordered[0], ordered[3], ordered[2], ordered[1]];
        }

        return ordered.Select(p => new ImagePoint(p.X, p.Y)).ToArray();
    }

    private static bool Covered(Point2f point, List<DecodedBarcode> found) =>
        found.Exists(b => b.Corners.Count == 4 && Inflate(b.Corners).Contains(point));

    private static Rect2f Inflate(IReadOnlyList<ImagePoint> corners)
    {
        var (left, top) = (corners.Min(p => p.X), corners.Min(p => p.Y));
        var (right, bottom) = (corners.Max(p => p.X), corners.Max(p => p.Y));
        var margin = Math.Max(right - left, bottom - top) * 0.15f;
        return new Rect2f(left - margin, top - margin, right - left + (2 * margin), bottom - top + (2 * margin));
    }

    /// <summary>Adds a barcode unless the same payload was already found at the same place.</summary>
    private static void Add(List<DecodedBarcode> found, DecodedBarcode barcode)
    {
        if (barcode.Corners.Count == 0)
        {
            found.Add(barcode);
            return;
        }

        var center = new Point2f(barcode.Corners.Average(p => p.X), barcode.Corners.Average(p => p.Y));
        if (found.Exists(b => b.Symbology == barcode.Symbology
            && b.Raw.Span.SequenceEqual(barcode.Raw.Span) && Inflate(b.Corners).Contains(center)))
        {
            return;
        }

        found.Add(barcode);
    }
}
