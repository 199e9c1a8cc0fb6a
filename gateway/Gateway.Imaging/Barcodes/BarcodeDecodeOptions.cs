namespace Gateway.Imaging.Barcodes;

/// <summary>What to look for in an image and how long to try.</summary>
public sealed record BarcodeDecodeOptions
{
    /// <summary>The symbologies to decode (names from <see cref="Symbologies"/>); all of them by default.</summary>
    public IReadOnlyList<string> Symbologies { get; init; } = Barcodes.Symbologies.All;

    /// <summary>
    /// The time one image may take. When it runs out the barcodes found so far are returned and the result says the
    /// budget was exhausted. Two seconds by default: a booth officer waits for nothing longer.
    /// </summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How many candidate regions the locator hands to the decoder, the largest and most compact first.</summary>
    public int MaxRegions { get; init; } = 12;

    /// <summary>
    /// Images larger than this are searched whole on a reduced copy (barcodes are then decoded from full-resolution crops
    /// of the regions found), so a 50-megapixel page scan costs no more than a few megapixels.
    /// </summary>
    public long WholePassPixels { get; init; } = 4_000_000;

    /// <summary>The clock the budget is measured with.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
