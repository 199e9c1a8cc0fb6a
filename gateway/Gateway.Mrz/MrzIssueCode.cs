namespace Gateway.Mrz;

/// <summary>Stable codes for <see cref="MrzIssue"/>.</summary>
public enum MrzIssueCode
{
    /// <summary>Error: the input holds no MRZ characters at all.</summary>
    EmptyInput = 0,

    /// <summary>Error: not 2 or 3 lines.</summary>
    WrongLineCount,

    /// <summary>Error: a line is not 30, 36 or 44 characters long, or the lines differ in length.</summary>
    WrongLineLength,

    /// <summary>Error: a character outside <c>A–Z 0–9 &lt;</c> (after lowercase letters are folded).</summary>
    InvalidCharacter,

    /// <summary>Warning: lowercase letters were read as uppercase.</summary>
    LowercaseCharacters,

    /// <summary>Warning: spaces or tabs around a line, or blank lines, were ignored.</summary>
    SurroundingWhitespace,

    /// <summary>Error: the document code does not belong to the layout the line lengths give (e.g. a passport <c>P</c> in 2×36).</summary>
    FormatMismatch,

    /// <summary>Error: a character that the field's type does not allow (a letter in a date, a digit in a name or code).</summary>
    InvalidFieldCharacter,

    /// <summary>Error: a check digit does not match.</summary>
    CheckDigitMismatch,

    /// <summary>Error: a long document number announced by <c>&lt;</c> in the check-digit position has no continuation.</summary>
    MissingDocumentNumberContinuation,

    /// <summary>Error: a date that cannot exist (month 13, day 32, 30 February) or a malformed date.</summary>
    InvalidDate,

    /// <summary>Warning: a date with unknown parts (<c>&lt;&lt;</c> for day, month or year), as Doc 9303 Part 3 allows.</summary>
    PartialDate,

    /// <summary>Error: the sex field is not <c>M</c>, <c>F</c>, <c>X</c> or <c>&lt;</c>.</summary>
    InvalidSex,

    /// <summary>Warning: an issuing State or nationality code that is neither ISO 3166-1 alpha-3 nor a Doc 9303 Part 3 code.</summary>
    UnknownCountryCode,

    /// <summary>Warning: the name fills its field to the last character and may have been truncated.</summary>
    PossiblyTruncatedName,

    /// <summary>Warning: a character was corrected from a likely OCR misread (see <see cref="MrzResult.Corrections"/>).</summary>
    OcrCorrection,
}
