namespace Gateway.Mrz;

/// <summary>One character changed by OCR correction. The raw text in <see cref="MrzResult.Lines"/> keeps the original.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="From">The character read.</param>
/// <param name="To">The character it was corrected to.</param>
public readonly record struct MrzCorrection(int Line, int Column, char From, char To);
