using Gateway.Imaging;
using Gateway.Imaging.Barcodes;
using Gateway.MrzOcr;

namespace Gateway.Pages;

/// <summary>
/// What <see cref="PageAnalyzer"/> found in a page set. Points are in the reference image (visible light, else the first
/// image); the document's corners run top-left, top-right, bottom-right, bottom-left of the document read upright.
/// </summary>
public sealed record PageAnalysis
{
    /// <summary>The document's class, from its MRZ or, without one, its size.</summary>
    public DocumentClass DocumentClass { get; init; }

    /// <summary>The document's corners in the reference image.</summary>
    public IReadOnlyList<ImagePoint> DocumentQuad { get; init; } = [];

    /// <summary>How far the document is turned on the glass, clockwise, 0 to 360 degrees.</summary>
    public float RotationDegrees { get; init; }

    /// <summary>The document's longer side in millimetres; 0 when the resolution is unknown.</summary>
    public double WidthMm { get; init; }

    /// <summary>The document's shorter side in millimetres; 0 when the resolution is unknown.</summary>
    public double HeightMm { get; init; }

    /// <summary>The MRZ as read by OCR (its corners in the image it was read from); null when there was no image to read (see <see cref="ErrorCode"/>).</summary>
    public MrzOcrResult? Mrz { get; init; }

    /// <summary>The light of the image <see cref="Mrz"/> was read from.</summary>
    public PageLight MrzLight { get; init; }

    /// <summary>The barcodes found on the visible-light page; their corners are in the upright document image.</summary>
    public IReadOnlyList<DecodedBarcode> Barcodes { get; init; } = [];

    /// <summary>The printed portrait cut out upright (colour when the page is), or null when none was found.</summary>
    public Frame? Portrait { get; init; }

    /// <summary>The portrait's corners in the reference image.</summary>
    public IReadOnlyList<ImagePoint> PortraitQuad { get; init; } = [];

    /// <summary>The authenticity hints.</summary>
    public IReadOnlyList<PageHint> Hints { get; init; } = [];

    /// <summary>Time spent.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>A stable code when the set could not be analysed: <c>page.no_images</c>, <c>image.unreadable</c>, <c>image.too_large</c>.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>A message for a technician when the set could not be analysed.</summary>
    public string? Error { get; init; }
}
