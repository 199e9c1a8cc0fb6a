namespace Gateway.Mrz;

/// <summary>The check digits defined by the MRZ layouts.</summary>
public enum MrzCheckName
{
    /// <summary>Check digit over the document number (for long TD1/TD2 numbers: over the whole number).</summary>
    DocumentNumber = 0,

    /// <summary>Check digit over the date of birth.</summary>
    DateOfBirth,

    /// <summary>Check digit over the date of expiry.</summary>
    DateOfExpiry,

    /// <summary>TD3 check digit over the personal number / optional data.</summary>
    PersonalNumber,

    /// <summary>Composite check digit over the fields the layout lists.</summary>
    Composite,
}
