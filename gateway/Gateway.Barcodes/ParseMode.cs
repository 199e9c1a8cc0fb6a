namespace Gateway.Barcodes;

/// <summary>How strictly a payload parser holds the input to its standard.</summary>
public enum ParseMode
{
    /// <summary>
    /// Accept the known real-world deviations (size fields that disagree with the data, lowercase, trailing whitespace,
    /// stray separators, a byte-order mark, wrong subfile offsets); each one applied is listed in
    /// <see cref="PayloadResult.Tolerances"/> and leaves the result valid.
    /// </summary>
    Lenient = 0,

    /// <summary>Every deviation from the standard is an error, so the result is not valid.</summary>
    Strict = 1,
}
