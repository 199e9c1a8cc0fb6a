namespace Gateway.Mrz;

/// <summary>
/// The fields to write into an MRZ with <see cref="MrzGenerator"/>. Text is written in the MRZ alphabet: letters are
/// uppercased, spaces, hyphens and commas become fillers, apostrophes are dropped; anything else outside A–Z 0–9 is
/// rejected (transliteration of national characters is the caller's job, Doc 9303 Part 3 §6).
/// </summary>
public sealed record MrzData
{
    /// <summary>The layout to write.</summary>
    public required MrzFormat Format { get; init; }

    /// <summary>Document code, 1–2 characters (e.g. <c>P</c>, <c>ID</c>, <c>I</c>, <c>V</c>).</summary>
    public required string DocumentCode { get; init; }

    /// <summary>Issuing State, e.g. <c>UTO</c>; Germany may be written <c>D</c>.</summary>
    public required string IssuingState { get; init; }

    /// <summary>Primary identifier. Truncated when the name does not fit.</summary>
    public required string Surname { get; init; }

    /// <summary>Secondary identifier (may be empty).</summary>
    public string GivenNames { get; init; } = string.Empty;

    /// <summary>
    /// Document number. Up to 9 characters; TD1 and TD2 accept longer numbers and write them the Doc 9303 way (continued in
    /// the optional data); the French card takes exactly 12.
    /// </summary>
    public required string DocumentNumber { get; init; }

    /// <summary>Nationality (ignored for the French card, which has none).</summary>
    public string Nationality { get; init; } = string.Empty;

    /// <summary>Date of birth; null writes it as unknown (<c>&lt;&lt;&lt;&lt;&lt;&lt;</c>).</summary>
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>Sex; <see cref="MrzSex.Invalid"/> is not writable.</summary>
    public MrzSex Sex { get; init; } = MrzSex.Unspecified;

    /// <summary>Date of expiry; null writes it as unknown. Ignored for the French card, which has none.</summary>
    public DateOnly? DateOfExpiry { get; init; }

    /// <summary>Optional data 1 (TD1 line 1, TD2 and visas line 2).</summary>
    public string OptionalData1 { get; init; } = string.Empty;

    /// <summary>Optional data 2 (TD1 line 2).</summary>
    public string OptionalData2 { get; init; } = string.Empty;

    /// <summary>TD3 personal number (covered by its own check digit).</summary>
    public string PersonalNumber { get; init; } = string.Empty;

    /// <summary>French card: département and office code (line 1, positions 31–36).</summary>
    public string AdministrativeCode { get; init; } = string.Empty;
}
