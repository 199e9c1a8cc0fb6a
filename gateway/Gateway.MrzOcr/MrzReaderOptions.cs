using Gateway.Mrz;

namespace Gateway.MrzOcr;

/// <summary>How <see cref="MrzReader"/> reads an image.</summary>
public sealed record MrzReaderOptions
{
    /// <summary>
    /// The time one image may take. When it runs out the best read so far is returned (or "no MRZ found") and the result
    /// says so. One second by default; a clear page takes a few tens of milliseconds.
    /// </summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many candidate regions are read, the most MRZ-like first. Default 6.</summary>
    public int MaxCandidates { get; init; } = 6;

    /// <summary>The largest encoded image accepted, in pixels, checked from its header before decoding. Default 60 megapixels.</summary>
    public long MaxPixels { get; init; } = 60_000_000;

    /// <summary>Settings of the MRZ engine's parse (reference date, correction on or off).</summary>
    public MrzParseOptions ParseOptions { get; init; } = MrzParseOptions.Default;

    /// <summary>Whether the result carries the upright crop and a picture of the segmentation, for a technician. Default false.</summary>
    public bool IncludeDebugImages { get; init; }

    /// <summary>The clock the budget is measured with.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
