namespace Gateway.Drivers.Pcsc;

/// <summary>A reader and what is on it.</summary>
/// <param name="Reader">The reader's PC/SC name.</param>
/// <param name="CardPresent">Whether a card is in the field.</param>
/// <param name="Atr">The card's answer to reset (empty without a card).</param>
public sealed record PcscReaderState(string Reader, bool CardPresent, byte[] Atr);

/// <summary>A hot-plug event.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Reader">The reader it happened on.</param>
public sealed record PcscEvent(PcscEventKind Kind, string Reader);

/// <summary>What a hot-plug event reports.</summary>
public enum PcscEventKind
{
    /// <summary>A reader was connected.</summary>
    ReaderArrived,

    /// <summary>A reader was disconnected.</summary>
    ReaderLeft,

    /// <summary>A card was put on a reader.</summary>
    CardInserted,

    /// <summary>A card was taken off a reader.</summary>
    CardRemoved,
}
