namespace Gateway.Imaging.Barcodes;

/// <summary>A point in an image, in pixels from its top-left corner.</summary>
/// <param name="X">Pixels to the right.</param>
/// <param name="Y">Pixels down.</param>
public readonly record struct ImagePoint(float X, float Y);
