namespace Gateway.Emrtd;

/// <summary>A chip exchange failed; <see cref="Kind"/> says why and <see cref="IsTransient"/> whether retrying can help.</summary>
public sealed class ChipException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">Why the exchange failed.</param>
    /// <param name="message">A technician's description (no personal data).</param>
    /// <param name="statusWord">The chip's status word, when it answered with one.</param>
    /// <param name="innerException">The underlying error.</param>
    public ChipException(ChipErrorKind kind, string message, ushort? statusWord = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        StatusWord = statusWord;
    }

    /// <summary>Why the exchange failed.</summary>
    public ChipErrorKind Kind { get; }

    /// <summary>The status word the chip answered, when there was one.</summary>
    public ushort? StatusWord { get; }

    /// <summary>Whether presenting the card again can help (removed card, transport hiccup).</summary>
    public bool IsTransient => Kind is ChipErrorKind.CardRemoved or ChipErrorKind.NoCard or ChipErrorKind.Transport;
}
