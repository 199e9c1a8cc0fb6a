namespace Gateway.Drivers.Pcsc;

/// <summary>The settings of a <c>pcsc-chip</c> device.</summary>
public sealed class PcscChipReaderOptions
{
    /// <summary>
    /// Part of the reader's name that picks it (case-insensitive), e.g. <c>PICC</c> for the contactless slot of a dual
    /// reader or <c>ACR1252</c>; empty (default) takes the first reader. <c>gatewayctl chip readers</c> lists the names.
    /// </summary>
    public string Reader { get; set; } = string.Empty;
}
