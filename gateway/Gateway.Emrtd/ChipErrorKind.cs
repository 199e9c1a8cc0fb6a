namespace Gateway.Emrtd;

/// <summary>Why a chip exchange failed.</summary>
public enum ChipErrorKind
{
    /// <summary>The card left the field or was removed during the exchange.</summary>
    CardRemoved,

    /// <summary>No card is present on the reader.</summary>
    NoCard,

    /// <summary>The reader is gone or the PC/SC service is not running.</summary>
    ReaderUnavailable,

    /// <summary>The transport failed in another way (timeout, protocol error).</summary>
    Transport,

    /// <summary>The chip answered with an error status word.</summary>
    StatusWord,

    /// <summary>A secure messaging response failed its MAC or was malformed.</summary>
    SecureMessaging,

    /// <summary>Access control (BAC or PACE) failed: wrong access key, or the chip refused.</summary>
    AccessDenied,

    /// <summary>The chip does not support what was asked (e.g. PACE with a mapping this library lacks).</summary>
    NotSupported,

    /// <summary>The chip sent data that does not parse.</summary>
    Malformed,
}
