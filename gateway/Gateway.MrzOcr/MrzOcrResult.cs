using Gateway.Imaging;
using Gateway.Imaging.Barcodes;
using Gateway.Mrz;

namespace Gateway.MrzOcr;

/// <summary>
/// What <see cref="MrzReader"/> found in one image. When <see cref="Found"/> is false, <see cref="ErrorCode"/> says why
/// (<c>mrz.not_found</c>, <c>image.unreadable</c>, <c>image.too_large</c>) and the other members are empty.
/// </summary>
public sealed record MrzOcrResult
{
    /// <summary>Whether an MRZ was found and read (valid or not: see <see cref="Mrz"/>).</summary>
    public bool Found { get; init; }

    /// <summary>The MRZ engine's parse of what was read, with the check digits' corrections; null when none was found.</summary>
    public MrzResult? Mrz { get; init; }

    /// <summary>The MRZ's corners in the image: top-left, top-right, bottom-right, bottom-left of the text as read.</summary>
    public IReadOnlyList<ImagePoint> Quad { get; init; } = [];

    /// <summary>The lines as read, each position with its confidence and alternatives.</summary>
    public IReadOnlyList<MrzOcrLine> Lines { get; init; } = [];

    /// <summary>The mean first-choice confidence over all positions, 0–1.</summary>
    public float Confidence { get; init; }

    /// <summary>The time the read took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Whether the time budget ran out before every candidate region was read.</summary>
    public bool BudgetExhausted { get; init; }

    /// <summary>A stable error code when nothing was read: <c>mrz.not_found</c>, <c>image.unreadable</c>, <c>image.too_large</c>.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>A message for a technician when nothing was read.</summary>
    public string? Error { get; init; }

    /// <summary>The MRZ cut out upright (grey), when <see cref="MrzReaderOptions.IncludeDebugImages"/> is set.</summary>
    public Frame? Crop { get; init; }

    /// <summary>The crop with the lines and character cells drawn, when <see cref="MrzReaderOptions.IncludeDebugImages"/> is set.</summary>
    public Frame? Segmentation { get; init; }
}
