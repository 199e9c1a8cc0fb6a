using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.IO.Ports;
using Gateway.Drivers.Serial.Framing;

namespace Gateway.Drivers.Serial;

/// <summary>Settings of the <c>serial</c> driver (a device's <c>Settings</c> section). Defaults are on each property.</summary>
public sealed class SerialReaderOptions : IValidatableObject
{
    /// <summary>The port: <c>/dev/ttyUSB0</c>, <c>/dev/serial/by-id/…</c>, a pseudo-terminal link, or <c>COM3</c>. Required.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Port { get; set; } = string.Empty;

    /// <summary>Bits per second. Default 9600.</summary>
    [Range(50, 4_000_000)]
    public int BaudRate { get; set; } = 9600;

    /// <summary>Data bits, 5 to 8. Default 8.</summary>
    [Range(5, 8)]
    public int DataBits { get; set; } = 8;

    /// <summary>Parity: None, Odd, Even, Mark or Space. Default None.</summary>
    public Parity Parity { get; set; } = Parity.None;

    /// <summary>Stop bits: One, OnePointFive or Two. Default One.</summary>
    public StopBits StopBits { get; set; } = StopBits.One;

    /// <summary>Flow control: None, XOnXOff, RequestToSend or RequestToSendXOnXOff. Default None.</summary>
    public Handshake Handshake { get; set; } = Handshake.None;

    /// <summary>Assert DTR once open (many readers wait for it). Default true; skipped where the port has no modem lines.</summary>
    public bool DtrEnable { get; set; } = true;

    /// <summary>Assert RTS once open (unless the handshake drives it). Default true; skipped where the port has no modem lines.</summary>
    public bool RtsEnable { get; set; } = true;

    /// <summary>The framing: <c>lines</c>, <c>desko-cute</c> or <c>3m-rte</c>. Default <c>lines</c>.</summary>
    public string Profile { get; set; } = FrameProfiles.Lines.Name;

    /// <summary>Overrides the profile's inter-byte timeout (lines: 200 ms, others: 1 s), e.g. <c>00:00:00.500</c>.</summary>
    public TimeSpan? InterByteTimeout { get; set; }

    /// <summary>Overrides the profile's longest frame in bytes (default 1024).</summary>
    [Range(16, 1_048_576)]
    public int? MaxFrameLength { get; set; }

    /// <summary>Overrides the profile's block check: None, Xor or Sum (3m-rte: Xor, others: None).</summary>
    public BlockCheck? BlockCheck { get; set; }

    /// <summary>Overrides the MRZ frames' start sentinel, as hex bytes (e.g. <c>1C 02</c>).</summary>
    public string? StartSentinel { get; set; }

    /// <summary>Overrides the MRZ frames' end sentinel, as hex bytes (e.g. <c>03 1D</c>; for <c>lines</c>, an optional document end).</summary>
    public string? EndSentinel { get; set; }

    /// <summary>Overrides the barcode frames' start sentinel, as hex bytes (desko-cute).</summary>
    public string? BarcodeStartSentinel { get; set; }

    /// <summary>Overrides the barcode frames' end sentinel, as hex bytes (desko-cute).</summary>
    public string? BarcodeEndSentinel { get; set; }

    /// <summary>How often a blocked read wakes up to check that the port is still there. Default 100 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Fault the device when it sends nothing for this long (for readers that send a heartbeat); null = never.
    /// Default null.
    /// </summary>
    public TimeSpan? SilenceTimeout { get; set; }

    /// <summary>The framing these settings describe: the named profile with the overrides applied.</summary>
    /// <exception cref="ArgumentException">The profile is unknown or an override is not valid.</exception>
    public FrameProfile ToProfile()
    {
        var profile = FrameProfiles.Find(Profile) ?? throw new ArgumentException($"unknown profile '{Profile}'");
        var channels = profile.Channels.Select(c => c.Content == FrameContent.Mrz
            ? c with { Start = Hex(StartSentinel, c.Start), End = Hex(EndSentinel, c.End) }
            : c with { Start = Hex(BarcodeStartSentinel, c.Start), End = Hex(BarcodeEndSentinel, c.End) });
        return profile with
        {
            Channels = channels.ToArray(),
            InterByteTimeout = InterByteTimeout ?? profile.InterByteTimeout,
            MaxFrameLength = MaxFrameLength ?? profile.MaxFrameLength,
            BlockCheck = BlockCheck ?? profile.BlockCheck,
        };
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FrameProfiles.Find(Profile) is not { } profile)
        {
            yield return new ValidationResult(
                $"unknown profile '{Profile}'; known profiles: {string.Join(", ", FrameProfiles.All.Select(p => p.Name))}",
                [nameof(Profile)]);
            yield break;
        }

        foreach (var (name, value) in new[]
        {
            (nameof(StartSentinel), StartSentinel), (nameof(EndSentinel), EndSentinel),
            (nameof(BarcodeStartSentinel), BarcodeStartSentinel), (nameof(BarcodeEndSentinel), BarcodeEndSentinel),
        })
        {
            if (value is not null && TryHex(value) is null)
            {
                yield return new ValidationResult($"'{value}' is not hex bytes such as '1C 02'", [name]);
            }
        }

        if (profile.Layout == FrameLayout.Sentinels && StartSentinel is { } start && TryHex(start) is { Length: 0 })
        {
            yield return new ValidationResult($"the {profile.Name} profile needs a start sentinel", [nameof(StartSentinel)]);
        }

        if (StopBits == StopBits.None)
        {
            yield return new ValidationResult("must be One, OnePointFive or Two", [nameof(StopBits)]);
        }

        if (PollInterval < TimeSpan.FromMilliseconds(10) || PollInterval > TimeSpan.FromSeconds(10))
        {
            yield return new ValidationResult("must be between 00:00:00.010 and 00:00:10", [nameof(PollInterval)]);
        }

        if (InterByteTimeout is { } pause && (pause <= TimeSpan.Zero || pause > TimeSpan.FromMinutes(1)))
        {
            yield return new ValidationResult("must be more than 0 and at most 00:01:00", [nameof(InterByteTimeout)]);
        }

        if (SilenceTimeout is { } silence && silence <= TimeSpan.Zero)
        {
            yield return new ValidationResult("must be more than 0 (leave it out to never fault on silence)", [nameof(SilenceTimeout)]);
        }
    }

    private static ReadOnlyMemory<byte> Hex(string? text, ReadOnlyMemory<byte> fallback) =>
        text is null ? fallback : TryHex(text) ?? throw new ArgumentException($"'{text}' is not hex bytes");

    private static byte[]? TryHex(string text)
    {
        var parts = text.Split([' ', ',', '-'], StringSplitOptions.RemoveEmptyEntries);
        var bytes = new byte[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i].StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? parts[i][2..] : parts[i];
            if (part.Length is < 1 or > 2 || !byte.TryParse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out bytes[i]))
            {
                return null;
            }
        }

        return bytes;
    }
}
