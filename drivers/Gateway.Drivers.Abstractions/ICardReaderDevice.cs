namespace Gateway.Drivers;

/// <summary>
/// A device that holds smart cards — the contactless part of a full-page reader, a desktop NFC reader — and lets the host
/// talk to the card on it. The host runs the card's protocols (an ePassport chip's access control, secure messaging and
/// verification); the driver only carries APDUs. It reports a card arriving and leaving through
/// <see cref="IDeviceContext.ReportDocumentPresence"/>, which is when the host reads it. (Added in contract version 1.)
/// </summary>
public interface ICardReaderDevice
{
    /// <summary>Whether a card is on the reader now.</summary>
    bool CardPresent { get; }

    /// <summary>Connects to the card on the reader.</summary>
    /// <param name="cancellationToken">Cancels the connection attempt.</param>
    /// <returns>The connection; dispose it when done (the card stays powered for the next one).</returns>
    /// <exception cref="DeviceException">No card is present, or the reader failed.</exception>
    Task<ICardConnection> ConnectCardAsync(CancellationToken cancellationToken);
}

/// <summary>A connection to the card on a <see cref="ICardReaderDevice"/>.</summary>
public interface ICardConnection : IDisposable
{
    /// <summary>The reader's name as the operating system knows it (e.g. <c>ACS ACR1252 Dual Reader [PICC] 00 00</c>).</summary>
    string Reader { get; }

    /// <summary>Whether the reader and card accept extended-length APDUs (Lc and Le over 255/256 bytes).</summary>
    bool SupportsExtendedLength { get; }

    /// <summary>Sends a command APDU and returns the whole response, status word last.</summary>
    /// <param name="command">The command APDU.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>The response APDU (at least the two status word bytes).</returns>
    /// <exception cref="DeviceException">The card left the reader or the reader failed (<see cref="DeviceException.IsTransient"/>).</exception>
    Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken);
}
