namespace Gateway.Drivers.Serial.Framing;

/// <summary>
/// Writes frames as a reader of a <see cref="FrameProfile"/> sends them: the other side of <see cref="FrameReader"/>,
/// used by <c>gatewayctl serial emulate</c> and the tests, so each framing is described once.
/// </summary>
public static class FrameWriter
{
    /// <summary>The bytes a reader sends for one document.</summary>
    /// <param name="profile">The framing.</param>
    /// <param name="mrzLines">The document's MRZ lines, top to bottom (ASCII text).</param>
    /// <param name="flag">The status flag byte, for profiles that have one (3M RTE).</param>
    public static byte[] Document(FrameProfile profile, IReadOnlyList<string> mrzLines, byte flag = (byte)'0')
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(mrzLines);
        var lines = mrzLines.ToList();
        if (profile.FixedLineCount > 0)
        {
            // The bottom line is always the last; missing top lines are sent empty.
            var width = lines.Count >= 3 ? 30 : 44;
            lines = lines.Select(l => profile.Padding.Length > 0 ? l.PadRight(width, profile.Padding[0]) : l).ToList();
            lines.InsertRange(0, Enumerable.Repeat(string.Empty, Math.Max(0, profile.FixedLineCount - lines.Count)));
        }

        var separator = profile.LineSeparator.ToArray();
        var body = new List<byte>();
        foreach (var line in lines)
        {
            body.AddRange(Ascii(line));
            body.AddRange(separator);
        }

        if (profile.Layout == FrameLayout.Lines)
        {
            var end = profile.Channels[0].End;
            body.AddRange(end.IsEmpty ? separator : end.ToArray());
            return [.. body];
        }

        return Frame(profile, Channel(profile, FrameContent.Mrz), [.. body], flag);
    }

    /// <summary>The bytes a reader sends for one barcode.</summary>
    /// <param name="profile">The framing; it must carry barcodes.</param>
    /// <param name="data">The barcode data, with its AIM symbology identifier first when the reader sends one.</param>
    public static byte[] Barcode(FrameProfile profile, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Layout == FrameLayout.Lines)
        {
            return [.. data, .. profile.LineSeparator.Span];
        }

        return Frame(profile, Channel(profile, FrameContent.Barcode), data.ToArray(), (byte)'0');
    }

    private static byte[] Frame(FrameProfile profile, FrameChannel channel, byte[] body, byte flag)
    {
        var afterLength = new List<byte>();
        afterLength.AddRange(profile.HeaderLiteral.ToArray());
        afterLength.AddRange(Enumerable.Repeat(flag, profile.FlagBytes));
        afterLength.AddRange(body);
        afterLength.AddRange(channel.End.ToArray());

        var frame = new List<byte>(channel.Start.ToArray());
        if (profile.LengthFieldBytes > 0)
        {
            // 3M RTE: a 14-bit word, low byte first, counting the bytes after it up to and including the BCC.
            var count = afterLength.Count + BlockChecks.Length(profile.BlockCheck);
            frame.Add((byte)(count & 0xFF));
            frame.Add((byte)((count >> 8) & 0x3F));
            frame.AddRange(Enumerable.Repeat((byte)0, Math.Max(0, profile.LengthFieldBytes - 2)));
        }

        frame.AddRange(afterLength);
        if (profile.BlockCheck != BlockCheck.None)
        {
            frame.Add(BlockChecks.Compute(profile.BlockCheck, frame.ToArray().AsSpan(channel.Start.Length)));
        }

        return [.. frame];
    }

    private static FrameChannel Channel(FrameProfile profile, FrameContent content) =>
        profile.Channels.FirstOrDefault(c => c.Content == content)
        ?? throw new ArgumentException($"Profile '{profile.Name}' carries no {content} frames.", nameof(profile));

    private static byte[] Ascii(string text)
    {
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            bytes[i] = text[i] <= 0x7F ? (byte)text[i] : throw new ArgumentException("MRZ text must be ASCII.", nameof(text));
        }

        return bytes;
    }
}
