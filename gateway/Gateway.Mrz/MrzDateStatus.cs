namespace Gateway.Mrz;

/// <summary>How much of an MRZ date could be read.</summary>
public enum MrzDateStatus
{
    /// <summary>The layout has no such date, or the MRZ could not be read.</summary>
    Absent = 0,

    /// <summary>A complete, existing calendar date.</summary>
    Complete,

    /// <summary>Some parts are unknown (<c>&lt;&lt;</c>), the known parts are valid.</summary>
    Partial,

    /// <summary>Every part is unknown (<c>&lt;&lt;&lt;&lt;&lt;&lt;</c>).</summary>
    Unknown,

    /// <summary>A date that cannot exist (month 13, day 32) or characters other than digits and <c>&lt;&lt;</c> pairs.</summary>
    Invalid,
}
