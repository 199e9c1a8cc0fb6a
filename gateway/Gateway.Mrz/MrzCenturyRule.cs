namespace Gateway.Mrz;

/// <summary>How the century of a two-digit MRZ year was chosen.</summary>
public enum MrzCenturyRule
{
    /// <summary>No year was resolved.</summary>
    None = 0,

    /// <summary>Birth dates: the most recent year that is not after the reference date.</summary>
    MostRecentPast,

    /// <summary>Expiry dates: the year within <see cref="MrzParseOptions.ExpiryWindowYears"/> after the reference date, else the century before.</summary>
    ForwardWindow,
}
