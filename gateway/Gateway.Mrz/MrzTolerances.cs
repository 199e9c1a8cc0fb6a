namespace Gateway.Mrz;

/// <summary>
/// Named real-document tolerances. <see cref="MrzResult.Tolerances"/> holds the ones that applied to a parse, so a reader of
/// the result always knows where the engine accepted something the strict letter of Doc 9303 would not, or had to decide.
/// </summary>
[Flags]
public enum MrzTolerances
{
    /// <summary>Nothing beyond the strict layout.</summary>
    None = 0,

    /// <summary>
    /// TD1/TD2 document number longer than 9 characters: <c>&lt;</c> in the check-digit position, the number continued in the
    /// optional data and followed by its check digit, computed over the number without the <c>&lt;</c> (Doc 9303 Part 5 §4.2.4).
    /// </summary>
    LongDocumentNumber = 1 << 0,

    /// <summary>
    /// Long document number whose check digit only matches when computed with the <c>&lt;</c> in position 15 included
    /// (issuer variant, e.g. Belgian specimen BEL-BO-03003). Set together with <see cref="LongDocumentNumber"/>.
    /// </summary>
    LongDocumentNumberFillerIncluded = 1 << 1,

    /// <summary>TD3 personal-number check digit printed as <c>&lt;</c> with an empty (all-filler) field; counted as 0.</summary>
    EmptyPersonalNumberFillerCheckDigit = 1 << 2,

    /// <summary>Germany's <c>D&lt;&lt;</c> (or <c>D</c>) read as issuing State/nationality; normalised to <c>DEU</c>, printed value kept.</summary>
    GermanCountryCode = 1 << 3,

    /// <summary>Two-digit birth year resolved to the most recent year not after the reference date.</summary>
    BirthYearMostRecentPast = 1 << 4,

    /// <summary>Two-digit expiry year resolved in a forward window around the reference date (<see cref="MrzParseOptions.ExpiryWindowYears"/>).</summary>
    ExpiryYearForwardWindow = 1 << 5,

    /// <summary>A date with unknown parts (<c>&lt;&lt;</c>) was accepted as partial.</summary>
    PartialDate = 1 << 6,

    /// <summary>A name fills its field to the last character: reported as possibly truncated.</summary>
    TruncatedName = 1 << 7,

    /// <summary>Surrounding whitespace, blank lines, tabs or trailing spaces were ignored.</summary>
    WhitespaceIgnored = 1 << 8,

    /// <summary>Lowercase letters were read as uppercase.</summary>
    LowercaseFolded = 1 << 9,

    /// <summary>One or more OCR misreads were corrected, each confirmed by the check digits (see <see cref="MrzResult.Corrections"/>).</summary>
    OcrCorrection = 1 << 10,

    /// <summary>An OCR misread in an issuing State or nationality code (not covered by any check digit) was corrected because the corrected code is a known one.</summary>
    CountryCodeCorrection = 1 << 11,
}
