namespace Gateway.Emrtd;

/// <summary>How the chip was opened.</summary>
public enum ChipAccessProtocol
{
    /// <summary>Access control failed; nothing was read.</summary>
    None,

    /// <summary>Basic Access Control (3DES).</summary>
    Bac,

    /// <summary>Password Authenticated Connection Establishment.</summary>
    Pace,
}
