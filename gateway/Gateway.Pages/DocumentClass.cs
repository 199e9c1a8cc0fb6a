namespace Gateway.Pages;

/// <summary>The kind of travel document on a page; numbering matches <c>gateway.v1.DocumentClass</c>.</summary>
public enum DocumentClass
{
    /// <summary>Not known: no MRZ was read and the size matches no format, or the resolution is unknown.</summary>
    Unknown = 0,

    /// <summary>TD1 card, 85.6 × 54 mm (Doc 9303 Part 5).</summary>
    Td1 = 1,

    /// <summary>TD2 document, 105 × 74 mm (Doc 9303 Part 6).</summary>
    Td2 = 2,

    /// <summary>TD3 passport data page, 125 × 88 mm (Doc 9303 Part 4).</summary>
    Td3 = 3,

    /// <summary>Machine readable visa, format A, 120 × 80 mm (Doc 9303 Part 7).</summary>
    VisaA = 4,

    /// <summary>Machine readable visa, format B, 105 × 74 mm (Doc 9303 Part 7).</summary>
    VisaB = 5,
}
