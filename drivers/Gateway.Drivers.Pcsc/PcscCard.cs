using Gateway.Drivers.Pcsc.Internal;
using Gateway.Emrtd;

namespace Gateway.Drivers.Pcsc;

/// <summary>
/// A connected card: the <see cref="ICardChannel"/> the eMRTD library reads through. PC/SC failures become
/// <see cref="ChipException"/>s (card removed, reader gone) so a read ends with a clean, typed error.
/// </summary>
public sealed class PcscCard : ICardChannel, IDisposable
{
    private readonly CardHandle _handle;
    private readonly uint _protocol;

    internal PcscCard(CardHandle handle, string reader, uint protocol, byte[] atr, bool extendedLength)
    {
        _handle = handle;
        _protocol = protocol;
        Reader = reader;
        Atr = atr;
        SupportsExtendedLength = extendedLength;
    }

    /// <summary>The reader the card is on.</summary>
    public string Reader { get; }

    /// <summary>The card's answer to reset.</summary>
    public byte[] Atr { get; }

    /// <inheritdoc/>
    public bool SupportsExtendedLength { get; }

    /// <inheritdoc/>
    public Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        var response = new byte[SupportsExtendedLength ? 65538 : 258];
        var code = Native.Transmit(_handle.DangerousGetHandle(), _protocol, command.Span, response, out var received);
        if (code != PcscStatus.Success)
        {
            throw PcscStatus.ToException(code, "SCardTransmit").ToChipException();
        }

        if (received < 2)
        {
            // No status word: the card stopped answering mid-exchange (vpcd's card disconnected; a card out of the field).
            throw new ChipException(ChipErrorKind.CardRemoved, "SCardTransmit: the card returned no status word; it left the reader.");
        }

        return Task.FromResult(response[..received]);
    }

    /// <summary>Disconnects, leaving the card powered.</summary>
    public void Dispose() => _handle.Dispose();
}
