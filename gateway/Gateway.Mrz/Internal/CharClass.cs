namespace Gateway.Mrz.Internal;

/// <summary>What a field position may hold; drives validation and which OCR substitutions are plausible.</summary>
internal enum CharClass : byte
{
    /// <summary>Letters and fillers (codes, names, sex).</summary>
    Alpha,

    /// <summary>Digits, and fillers for unknown date parts.</summary>
    Numeric,

    /// <summary>Anything in the MRZ set (document numbers, optional data).</summary>
    AlphaNumeric,

    /// <summary>A check digit: a digit, or a filler where a tolerance allows it.</summary>
    CheckDigit,
}
