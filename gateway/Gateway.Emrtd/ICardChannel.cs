namespace Gateway.Emrtd;

/// <summary>
/// The seam between the protocol and a transport: one APDU in, the response (data and status word) out. PC/SC readers
/// implement it, and so does the virtual chip in tests.
/// </summary>
public interface ICardChannel
{
    /// <summary>Whether the reader and card accept extended-length APDUs (Lc and Le over 255/256 bytes).</summary>
    bool SupportsExtendedLength { get; }

    /// <summary>Sends a command APDU and returns the full response, status word last.</summary>
    /// <param name="command">The command APDU.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>The response APDU (at least the two status word bytes).</returns>
    /// <exception cref="ChipException">The transport failed (card removed, reader gone).</exception>
    Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken);
}
