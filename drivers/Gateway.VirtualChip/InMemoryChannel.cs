using Gateway.Emrtd;

namespace Gateway.VirtualChip;

/// <summary>The virtual passport on an in-process "reader": the terminal side talks to it through the same seam a PC/SC reader implements.</summary>
public sealed class InMemoryChannel(VirtualPassport chip) : ICardChannel
{
    /// <summary>When set, the card leaves the field once this many APDUs have been answered.</summary>
    public int? RemoveAfter { get; set; }

    public bool SupportsExtendedLength { get; init; }

    public int Transmitted { get; private set; }

    public Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Transmitted >= RemoveAfter)
        {
            throw new ChipException(ChipErrorKind.CardRemoved, "The card was removed.");
        }

        Transmitted++;
        return Task.FromResult(chip.Process(command.Span));
    }
}
