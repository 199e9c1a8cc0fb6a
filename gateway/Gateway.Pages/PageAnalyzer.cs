using Gateway.Imaging;
using Gateway.Imaging.Barcodes;
using Gateway.MrzOcr;
using Gateway.Pages.Internal;
using OpenCvSharp;
using ImagePoint = Gateway.Imaging.Barcodes.ImagePoint;

namespace Gateway.Pages;

/// <summary>
/// Analyses the page images of a document, whatever device took them: finds the document on the glass and cuts it out
/// upright, reads its MRZ (from the infrared image when there is one), classifies it, decodes its barcodes, cuts out
/// its printed portrait and measures the infrared authenticity hints. Thread-safe; one instance serves every device.
/// </summary>
/// <remarks>
/// Every image of a set shows the same glass from the same camera, so the document's position is found once, on the
/// visible image (else the first), and applies to all. The document is first turned with its longer side on top; the
/// MRZ's reading direction then says whether it lies upside down. Ultraviolet images are carried, not analysed.
/// Bad input is a result with an error code, never an exception.
/// </remarks>
public sealed class PageAnalyzer
{
    private readonly PageAnalyzerOptions _options;
    private readonly MrzReader _mrz;
    private readonly BarcodeDecoder _barcodes;

    /// <summary>Creates an analyser.</summary>
    /// <param name="options">Settings; the defaults when null.</param>
    public PageAnalyzer(PageAnalyzerOptions? options = null)
    {
        _options = options ?? new PageAnalyzerOptions();
        _mrz = new MrzReader(new MrzReaderOptions { Budget = _options.MrzBudget, MaxPixels = _options.MaxPixels, TimeProvider = _options.TimeProvider });
        _barcodes = new BarcodeDecoder(new BarcodeDecodeOptions { Budget = _options.BarcodeBudget, Symbologies = _options.Symbologies, MaxRegions = _options.MaxBarcodeRegions, TimeProvider = _options.TimeProvider });
    }

    /// <summary>Analyses one page set.</summary>
    /// <param name="pages">One image per light, as the device delivered them.</param>
    /// <param name="cancellationToken">Stops between steps.</param>
    public PageAnalysis Analyze(IReadOnlyList<PageImage> pages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var time = _options.TimeProvider;
        var started = time.GetTimestamp();
        var reference = pages.FirstOrDefault(p => p.Light is PageLight.Visible or PageLight.Unspecified)
            ?? pages.FirstOrDefault(p => p.Light != PageLight.Ultraviolet)
            ?? pages.FirstOrDefault();
        if (reference is null)
        {
            return new PageAnalysis { ErrorCode = "page.no_images", Error = "The capture holds no page image." };
        }

        var infraredPage = pages.FirstOrDefault(p => p.Light == PageLight.Infrared && !ReferenceEquals(p, reference));
        Mat? visible = null;
        Mat? infrared = null;
        try
        {
            visible = Decode(reference, PixelFormat.Bgr24);
            infrared = infraredPage is null ? null : Decode(infraredPage, PixelFormat.Gray8);
            if (reference.Light == PageLight.Infrared)
            {
                (visible, infrared) = (null, visible);
            }

            var analysis = Analyze(visible, infrared, reference.Ppi, cancellationToken);
            return analysis with { Elapsed = time.GetElapsedTime(started) };
        }
        catch (FrameDecodeException ex)
        {
            return new PageAnalysis { ErrorCode = ex.Code, Error = ex.Message, Elapsed = time.GetElapsedTime(started) };
        }
        finally
        {
            visible?.Dispose();
            infrared?.Dispose();
        }
    }

    private Mat Decode(PageImage page, PixelFormat format) =>
        Mats.FromFrame(Frame.Decode(page.Encoded.Span, format, _options.MaxPixels));

    private PageAnalysis Analyze(Mat? visibleSource, Mat? infraredSource, int ppi, CancellationToken cancellationToken)
    {
        var source = visibleSource ?? infraredSource!;
        Point2f[] quad;
        using (var gray = Mats.Gray(source))
        {
            quad = DocumentFinder.Find(gray);
        }

        var documentWidth = (int)Math.Round(DocumentFinder.Length(quad[1] - quad[0]));
        var documentHeight = (int)Math.Round(DocumentFinder.Length(quad[3] - quad[0]));

        // The document is cut out with a margin of glass around it: the MRZ's locator needs room around a block that
        // lies near the document's edge.
        var margin = Math.Max(8, documentWidth / 60);
        var (width, height) = (documentWidth + (2 * margin), documentHeight + (2 * margin));
        Point2f[] target = [new(margin, margin), new(margin + documentWidth - 1, margin), new(margin + documentWidth - 1, margin + documentHeight - 1), new(margin, margin + documentHeight - 1)];
        using var warp = Cv2.GetPerspectiveTransform(quad, target);
        using var visible = visibleSource is null ? null : Warp(visibleSource, warp, width, height);
        using var infrared = infraredSource is null ? null : Warp(infraredSource, warp, width, height);
        cancellationToken.ThrowIfCancellationRequested();

        // The MRZ, under infrared first: Doc 9303 requires its ink to absorb there, where the background print vanishes.
        // Each image is read as taken (the reader cuts the MRZ upright itself), then cut out upright, which helps when
        // the document lies in a corner of the glass.
        var (mrz, light) = ReadMrz([(infraredSource, PageLight.Infrared), (infrared, PageLight.Infrared), (visibleSource, PageLight.Visible), (visible, PageLight.Visible)], warp, cancellationToken);
        Point2f[] mrzCorners = mrz is { Found: true, Quad.Count: 4 }
            ? Cv2.PerspectiveTransform([.. mrz.Quad.Select(p => new Point2f(p.X, p.Y))], warp)
            : [];
        var upsideDown = mrzCorners.Length == 4 && mrzCorners[1].X < mrzCorners[0].X;
        if (upsideDown)
        {
            foreach (var image in new[] { visible, infrared })
            {
                if (image is not null)
                {
                    Cv2.Flip(image, image, FlipMode.XY);
                }
            }

            quad = [quad[2], quad[3], quad[0], quad[1]];
            mrzCorners = [.. mrzCorners.Select(p => new Point2f(width - 1 - p.X, height - 1 - p.Y))];
        }

        cancellationToken.ThrowIfCancellationRequested();
        var widthMm = ppi > 0 ? documentWidth * 25.4 / ppi : 0;
        var heightMm = ppi > 0 ? documentHeight * 25.4 / ppi : 0;
        var documentClass = mrz is { Found: true, Mrz: { } read } ? Classifier.FromMrz(read) : DocumentClass.Unknown;
        if (documentClass == DocumentClass.Unknown && ppi > 0)
        {
            documentClass = Classifier.FromSize(widthMm, heightMm);
        }

        var mrzBox = mrzCorners.Length == 4 ? Bounds(mrzCorners, width, height) : (Rect?)null;
        var page = visible ?? infrared!;
        var barcodes = _barcodes.Decode(Mats.ToFrame(page), cancellationToken).Barcodes;

        cancellationToken.ThrowIfCancellationRequested();
        var pixelsPerMm = ppi > 0 ? ppi / 25.4 : documentWidth / 125.0;
        var documentBox = new Rect(margin, margin, documentWidth, documentHeight);
        var portraitBox = PortraitFinder.Find(page, documentBox, mrzBox?.Top ?? height, pixelsPerMm);
        Frame? portrait = null;
        if (portraitBox is { } box)
        {
            using var cut = new Mat(page, box);
            portrait = Mats.ToFrame(cut);
        }

        using var inverse = warp.Inv();
        return new PageAnalysis
        {
            DocumentClass = documentClass,
            DocumentQuad = [.. quad.Select(p => new ImagePoint(p.X, p.Y))],
            RotationDegrees = Rotation(quad),
            WidthMm = widthMm,
            HeightMm = heightMm,
            Mrz = mrz,
            MrzLight = light,
            Barcodes = barcodes,
            Portrait = portrait,
            PortraitQuad = portraitBox is { } p ? ToSource(p, inverse, upsideDown, width, height) : [],
            Hints =
            [
                HintMeasures.MrzVisible(infrared, mrzBox, mrz?.Found == true && light == PageLight.Infrared),
                HintMeasures.PortraitDark(infrared, documentBox, portraitBox),
            ],
        };
    }

    private (MrzOcrResult? Result, PageLight Light) ReadMrz((Mat? Image, PageLight Light)[] attempts, Mat warp, CancellationToken cancellationToken)
    {
        (MrzOcrResult? Result, PageLight Light) found = (null, PageLight.Unspecified);
        (MrzOcrResult? Result, PageLight Light) missed = (null, PageLight.Unspecified);
        using var inverse = warp.Inv();
        for (var i = 0; i < attempts.Length; i++)
        {
            var (image, light) = attempts[i];
            if (image is null)
            {
                continue;
            }

            using var gray = Mats.Gray(image);
            var result = _mrz.Read(Mats.ToFrame(gray), cancellationToken);
            if (i % 2 == 1 && result.Quad.Count == 4)
            {
                // Read on the upright cut: corners back into the image as taken.
                var corners = Cv2.PerspectiveTransform([.. result.Quad.Select(p => new Point2f(p.X, p.Y))], inverse);
                result = result with { Quad = [.. corners.Select(p => new ImagePoint(p.X, p.Y))] };
            }

            if (result is { Found: true, Mrz.Valid: true })
            {
                return (result, light);
            }

            if (result.Found && found.Result is null)
            {
                found = (result, light);
            }
            else if (!result.Found && missed.Result is null)
            {
                missed = (result, light);
            }
        }

        return found.Result is not null ? found : missed;
    }

    private static Mat Warp(Mat source, Mat transform, int width, int height)
    {
        var upright = new Mat();
        Cv2.WarpPerspective(source, upright, transform, new Size(width, height), InterpolationFlags.Linear, BorderTypes.Replicate);
        return upright;
    }

    private static Rect Bounds(Point2f[] points, int width, int height)
    {
        var left = (int)Math.Floor(points.Min(p => p.X));
        var top = (int)Math.Floor(points.Min(p => p.Y));
        var right = (int)Math.Ceiling(points.Max(p => p.X));
        var bottom = (int)Math.Ceiling(points.Max(p => p.Y));
        return Rect.FromLTRB(left, top, right, bottom).Intersect(new Rect(0, 0, width, height));
    }

    /// <summary>Clockwise angle of the document's top edge in the source image, 0 to 360.</summary>
    private static float Rotation(Point2f[] quad)
    {
        var degrees = MathF.Atan2(quad[1].Y - quad[0].Y, quad[1].X - quad[0].X) * 180 / MathF.PI;
        return (degrees + 360) % 360;
    }

    private static ImagePoint[] ToSource(Rect box, Mat inverse, bool upsideDown, int width, int height)
    {
        Point2f[] corners = [new(box.Left, box.Top), new(box.Right, box.Top), new(box.Right, box.Bottom), new(box.Left, box.Bottom)];
        if (upsideDown)
        {
            corners = [.. corners.Select(p => new Point2f(width - 1 - p.X, height - 1 - p.Y))];
        }

        return [.. Cv2.PerspectiveTransform(corners, inverse).Select(p => new ImagePoint(p.X, p.Y))];
    }
}
