namespace Gateway.Mrz;

/// <summary>The data fields of a machine readable zone. Which ones exist depends on the <see cref="MrzFormat"/>.</summary>
public enum MrzFieldName
{
    /// <summary>Document code, e.g. <c>P&lt;</c>, <c>ID</c>, <c>VN</c>.</summary>
    DocumentCode = 0,

    /// <summary>Issuing State or organisation (three-letter code, Germany prints <c>D&lt;&lt;</c>).</summary>
    IssuingState,

    /// <summary>Document number; for long TD1/TD2 numbers the value includes the part continued in the optional data.</summary>
    DocumentNumber,

    /// <summary>Optional data (TD1 line 1, TD2 line 2, MRV line 2); for long document numbers the value excludes the continuation.</summary>
    OptionalData1,

    /// <summary>Date of birth, <c>YYMMDD</c>.</summary>
    DateOfBirth,

    /// <summary>Sex: <c>M</c>, <c>F</c>, <c>X</c> or <c>&lt;</c>.</summary>
    Sex,

    /// <summary>Date of expiry, <c>YYMMDD</c> (absent on the French pre-2021 identity card).</summary>
    DateOfExpiry,

    /// <summary>Nationality (three-letter code; absent on the French pre-2021 identity card).</summary>
    Nationality,

    /// <summary>Optional data of TD1 line 2 (no check digit of its own).</summary>
    OptionalData2,

    /// <summary>TD3 personal number / optional data, covered by its own check digit.</summary>
    PersonalNumber,

    /// <summary>Primary identifier (surname).</summary>
    Surname,

    /// <summary>Secondary identifier (given names).</summary>
    GivenNames,

    /// <summary>French pre-2021 identity card: département and issuing office code (line 1, positions 31–36).</summary>
    AdministrativeCode,
}
