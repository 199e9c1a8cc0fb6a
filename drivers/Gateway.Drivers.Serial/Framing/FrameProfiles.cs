namespace Gateway.Drivers.Serial.Framing;

/// <summary>The built-in profiles. The vendor documents they follow are described in the driver's README.</summary>
public static class FrameProfiles
{
    private const byte Soh = 0x01;
    private const byte Stx = 0x02;
    private const byte Etx = 0x03;

    /// <summary>
    /// <c>lines</c>: MRZ lines separated by CR, LF or CR LF; a document ends at an empty line, or when the lines pause
    /// for 200 ms (the "keyboard-like" output of many swipe readers). A line that starts with an AIM symbology
    /// identifier (<c>]</c>, a code character, a modifier) is a barcode.
    /// </summary>
    public static FrameProfile Lines { get; } = new()
    {
        Name = "lines",
        Layout = FrameLayout.Lines,
        Channels = [new FrameChannel(FrameContent.Mrz, ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty)],
        LineSeparator = "\r\n"u8.ToArray(),
        InterByteTimeout = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>
    /// <c>desko-cute</c>: <c>&lt;SOD&gt;&lt;STX&gt;line1&lt;CR&gt;line2&lt;CR&gt;[line3&lt;CR&gt;]&lt;ETX&gt;&lt;EOD&gt;</c>
    /// after DESKO's protocol description for the CUTE profile; barcode blocks use their own SOD/EOD pair. The
    /// SOD/EOD bytes depend on the reader's configuration: the defaults are FS/GS (0x1C/0x1D) for the OCR block and
    /// RS/US (0x1E/0x1F) for the barcode block.
    /// </summary>
    public static FrameProfile DeskoCute { get; } = new()
    {
        Name = "desko-cute",
        Channels =
        [
            new FrameChannel(FrameContent.Mrz, new byte[] { 0x1C, Stx }, new byte[] { Etx, 0x1D }),
            new FrameChannel(FrameContent.Barcode, new byte[] { 0x1E, Stx }, new byte[] { Etx, 0x1F }),
        ],
    };

    /// <summary>
    /// <c>3m-rte</c>: <c>&lt;SOH&gt;[length]"OU"&lt;STX&gt;[flag]line1&lt;CR&gt;line2&lt;CR&gt;line3&lt;CR&gt;&lt;ETX&gt;[BCC]</c>
    /// after the 3M RTE OEM integration manual (RTE Native protocol): the bottom line is always line 3, missing top
    /// lines are sent empty, lines are padded with <c>_</c>, and the BCC is an XOR.
    /// </summary>
    public static FrameProfile ThreeMRte { get; } = new()
    {
        Name = "3m-rte",
        Channels = [new FrameChannel(FrameContent.Mrz, new byte[] { Soh }, new byte[] { Etx })],
        LengthFieldBytes = 2,
        HeaderLiteral = "OU\u0002"u8.ToArray(),
        FlagBytes = 1,
        Padding = "_",
        FixedLineCount = 3,
        BlockCheck = BlockCheck.Xor,
    };

    /// <summary>Every built-in profile.</summary>
    public static IReadOnlyList<FrameProfile> All { get; } = [Lines, DeskoCute, ThreeMRte];

    /// <summary>The built-in profile named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static FrameProfile? Find(string? name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
