namespace Gateway.Drivers.Serial.Framing;

/// <summary>
/// How one family of readers frames what it sends: a named preset of configurable parts. The presets are in
/// <see cref="FrameProfiles"/>; a device's settings can override single parts (see the driver's README).
/// </summary>
public sealed record FrameProfile
{
    /// <summary>The profile's name, e.g. <c>desko-cute</c>.</summary>
    public required string Name { get; init; }

    /// <summary>How frames are delimited.</summary>
    public FrameLayout Layout { get; init; } = FrameLayout.Sentinels;

    /// <summary>
    /// The kinds of frame the reader sends, each with its sentinels. The <see cref="FrameLayout.Lines"/> layout has
    /// one MRZ channel (no start sentinel, an optional end sentinel); barcodes are lines that start with an AIM
    /// symbology identifier.
    /// </summary>
    public required IReadOnlyList<FrameChannel> Channels { get; init; }

    /// <summary>Bytes of a binary length field right after the start sentinel (3M RTE: a 2-byte word). Default 0.</summary>
    public int LengthFieldBytes { get; init; }

    /// <summary>Fixed bytes that follow the length field (3M RTE: <c>"OU"&lt;STX&gt;</c>); a frame without them is torn.</summary>
    public ReadOnlyMemory<byte> HeaderLiteral { get; init; }

    /// <summary>Bytes of a status flag before the data (3M RTE: 1). Default 0.</summary>
    public int FlagBytes { get; init; }

    /// <summary>What ends each line when writing; reading accepts CR, LF and CR LF.</summary>
    public ReadOnlyMemory<byte> LineSeparator { get; init; } = "\r"u8.ToArray();

    /// <summary>Characters a reader pads lines with, removed from the end of each line (3M RTE: <c>_</c>).</summary>
    public string Padding { get; init; } = string.Empty;

    /// <summary>
    /// When writing, always send this many lines, the document's bottom line last and missing top lines empty
    /// (3M RTE: 3); 0 sends the document's lines as they are. Reading drops empty lines in any case.
    /// </summary>
    public int FixedLineCount { get; init; }

    /// <summary>The block check after the end sentinel.</summary>
    public BlockCheck BlockCheck { get; init; }

    /// <summary>
    /// The longest pause allowed inside a frame: a frame that pauses longer is incomplete. For the
    /// <see cref="FrameLayout.Lines"/> layout it is the pause that ends a document.
    /// </summary>
    public TimeSpan InterByteTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest frame in bytes, sentinels included; a longer one is dropped.</summary>
    public int MaxFrameLength { get; init; } = 1024;

    /// <summary>The longest start sentinel of the profile's channels.</summary>
    internal int LongestStart => Channels.Max(c => c.Start.Length);
}
