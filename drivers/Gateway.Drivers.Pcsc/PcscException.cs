using Gateway.Emrtd;

namespace Gateway.Drivers.Pcsc;

/// <summary>A PC/SC call failed; <see cref="Code"/> is the PC/SC result, <see cref="Kind"/> what it means for a chip read.</summary>
public sealed class PcscException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The PC/SC result code (e.g. 0x80100069, card removed).</param>
    /// <param name="kind">What it means for a chip read.</param>
    /// <param name="message">A technician's description.</param>
    public PcscException(uint code, ChipErrorKind kind, string message)
        : base(message)
    {
        Code = code;
        Kind = kind;
    }

    /// <summary>The PC/SC result code.</summary>
    public uint Code { get; }

    /// <summary>What the failure means for a chip read.</summary>
    public ChipErrorKind Kind { get; }

    /// <summary>Whether trying again (the card presented again, the reader plugged back) can help.</summary>
    public bool IsTransient => Kind is ChipErrorKind.CardRemoved or ChipErrorKind.NoCard or ChipErrorKind.Transport or ChipErrorKind.ReaderUnavailable;

    /// <summary>The same failure as the protocol library's exception.</summary>
    /// <returns>A <see cref="ChipException"/> with this one inside.</returns>
    public ChipException ToChipException() => new(Kind, Message, innerException: this);
}
