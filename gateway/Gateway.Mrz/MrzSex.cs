namespace Gateway.Mrz;

/// <summary>The sex field.</summary>
public enum MrzSex
{
    /// <summary><c>&lt;</c> or <c>X</c>: unspecified (e.g. the German identity card prints <c>&lt;</c>).</summary>
    Unspecified = 0,

    /// <summary><c>M</c>.</summary>
    Male,

    /// <summary><c>F</c>.</summary>
    Female,

    /// <summary>Any other character, or no sex field could be read; an error is reported.</summary>
    Invalid,
}
