namespace Gateway.Pages;

/// <summary>One image of a page set: the glass of a full-page reader, or a scan, under one light.</summary>
/// <param name="Encoded">The encoded file (PNG, JPEG, BMP, TIFF…).</param>
/// <param name="Light">The light it was taken under.</param>
/// <param name="Ppi">Resolution in pixels per inch; 0 when unknown (then the document is classified by its MRZ only).</param>
public sealed record PageImage(ReadOnlyMemory<byte> Encoded, PageLight Light, int Ppi = 0);
