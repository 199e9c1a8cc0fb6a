namespace Gateway.Emrtd.Internal;

/// <summary>
/// The terminal's side of a conversation with the chip: plain APDUs until access control succeeds, protected ones after.
/// Files are read with READ BINARY in chunks that fit the link: short APDUs (under secure messaging, 0xDF bytes keep the
/// protected response within 256 bytes) or extended ones when the reader supports them.
/// </summary>
internal sealed class CardSession(ICardChannel channel)
{
    private const int ShortChunk = 0xDF;
    private const int ExtendedChunk = 0x1000;
    private const int MaxOffset = 0x7FFF;

    public ICardChannel Channel { get; } = channel;

    public SecureMessaging? SecureMessaging { get; private set; }

    /// <summary>Bytes sent and received (APDU level), for the benchmark's split by step.</summary>
    public long BytesExchanged { get; private set; }

    public void Secure(SecureMessaging sm) => SecureMessaging = sm;

    public async Task<ResponseApdu> SendAsync(CommandApdu command, CancellationToken cancellationToken)
    {
        var extended = Channel.SupportsExtendedLength && command.NeedsExtended;
        var bytes = SecureMessaging is null ? command.Encode(extended) : SecureMessaging.ProtectCommand(command, extended);
        var response = await Channel.TransmitAsync(bytes, cancellationToken).ConfigureAwait(false);
        BytesExchanged += bytes.Length + response.Length;
        return SecureMessaging is null ? ResponseApdu.Parse(response) : SecureMessaging.UnprotectResponse(response);
    }

    public async Task<byte[]> SendCheckedAsync(CommandApdu command, string operation, CancellationToken cancellationToken)
    {
        var response = await SendAsync(command, cancellationToken).ConfigureAwait(false);
        return response.IsSuccess ? response.Data : throw StatusWords.ToException(response.StatusWord, operation);
    }

    /// <summary>Selects an elementary file; false when the chip does not have it.</summary>
    public async Task<bool> TrySelectAsync(ushort fileId, CancellationToken cancellationToken)
    {
        var response = await SendAsync(new CommandApdu(0x00, 0xA4, 0x02, 0x0C, [(byte)(fileId >> 8), (byte)fileId], 0), cancellationToken).ConfigureAwait(false);
        return response.StatusWord switch
        {
            StatusWords.Success => true,
            StatusWords.FileNotFound => false,
            _ => throw StatusWords.ToException(response.StatusWord, $"SELECT {fileId:X4}"),
        };
    }

    /// <summary>Reads a whole TLV-structured file after it is selected: its header first, then the rest in chunks.</summary>
    public async Task<byte[]> ReadSelectedFileAsync(CancellationToken cancellationToken)
    {
        var head = await ReadBinaryAsync(0, 4, cancellationToken).ConfigureAwait(false);
        var position = 1;
        if ((head[0] & 0x1F) == 0x1F)
        {
            position++;
        }

        if (head.Length >= 2 && head[position] == 0x83)
        {
            head = [.. head, .. await ReadBinaryAsync(head.Length, 1, cancellationToken).ConfigureAwait(false)];
        }

        if (!Tlv.TryReadLength(head, ref position, out var length))
        {
            throw new ChipException(ChipErrorKind.Malformed, "The file does not start with a TLV header.");
        }

        var total = position + length;
        if (total > MaxOffset + 1)
        {
            throw new ChipException(ChipErrorKind.NotSupported, $"Files over {MaxOffset + 1} bytes need READ BINARY with an offset object, which this reader does not send.");
        }

        var file = new byte[total];
        var have = Math.Min(head.Length, total);
        head.AsSpan(0, have).CopyTo(file);
        var chunk = Channel.SupportsExtendedLength ? ExtendedChunk : ShortChunk;
        while (have < total)
        {
            var part = await ReadBinaryAsync(have, Math.Min(chunk, total - have), cancellationToken).ConfigureAwait(false);
            if (part.Length == 0)
            {
                throw new ChipException(ChipErrorKind.Malformed, "The chip returned no data before the end of the file.");
            }

            part.AsSpan(0, Math.Min(part.Length, total - have)).CopyTo(file.AsSpan(have));
            have += part.Length;
        }

        return file;
    }

    /// <summary>Reads a file without a single outer TLV (EF.CardAccess) to its end, chunk by chunk.</summary>
    public async Task<byte[]> ReadSelectedFileToEndAsync(CancellationToken cancellationToken)
    {
        var output = new List<byte>();
        while (output.Count <= MaxOffset)
        {
            var response = await SendAsync(ReadBinaryCommand(output.Count, ShortChunk), cancellationToken).ConfigureAwait(false);
            output.AddRange(response.Data);
            if (!response.IsSuccess || response.Data.Length < ShortChunk)
            {
                if (output.Count == 0 && !response.IsSuccess)
                {
                    throw StatusWords.ToException(response.StatusWord, "READ BINARY");
                }

                break;
            }
        }

        return [.. output];
    }

    public Task<byte[]> ReadBinaryAsync(int offset, int length, CancellationToken cancellationToken) =>
        SendCheckedAsync(ReadBinaryCommand(offset, length), "READ BINARY", cancellationToken);

    private static CommandApdu ReadBinaryCommand(int offset, int length) =>
        new(0x00, 0xB0, (byte)(offset >> 8), (byte)offset, [], length);
}
