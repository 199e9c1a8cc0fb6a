namespace Gateway.Mrz;

/// <summary>One reading of one MRZ position by an OCR, with how sure the OCR is of it.</summary>
/// <param name="Character">A character of the MRZ set (A–Z, 0–9, <c>&lt;</c>).</param>
/// <param name="Confidence">The OCR's probability for this reading, 0–1.</param>
public readonly record struct MrzAlternative(char Character, float Confidence);
