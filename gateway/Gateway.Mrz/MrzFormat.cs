namespace Gateway.Mrz;

/// <summary>The machine readable zone layouts the engine reads and writes.</summary>
public enum MrzFormat
{
    /// <summary>The layout could not be determined (wrong line count or line lengths).</summary>
    Unknown = 0,

    /// <summary>TD1 (ID-1 size card): 3 lines of 30 characters (Doc 9303 Part 5).</summary>
    Td1,

    /// <summary>TD2 (ID-2 size card): 2 lines of 36 characters (Doc 9303 Part 6).</summary>
    Td2,

    /// <summary>TD3 (passport book): 2 lines of 44 characters (Doc 9303 Part 4).</summary>
    Td3,

    /// <summary>Full-size machine readable visa (MRV-A): 2 lines of 44 characters (Doc 9303 Part 7).</summary>
    MrvA,

    /// <summary>Reduced-size machine readable visa (MRV-B): 2 lines of 36 characters (Doc 9303 Part 7).</summary>
    MrvB,

    /// <summary>French national identity card issued before 2021: 2 lines of 36, starting with <c>IDFRA</c>; not ICAO TD2.</summary>
    FrenchIdentityCard,
}
