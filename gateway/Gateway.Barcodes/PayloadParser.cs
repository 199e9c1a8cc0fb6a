using Gateway.Barcodes.Aamva;
using Gateway.Barcodes.Bcbp;
using Gateway.Barcodes.Internal;
using Gateway.Barcodes.Seals;
using Gateway.Barcodes.Vds;
using Gateway.Barcodes.VdsNc;

namespace Gateway.Barcodes;

/// <summary>
/// Recognises which supported format a decoded barcode payload is in and parses it with that format's parser, for
/// callers (a scanner, <c>gatewayctl barcode parse</c>) that do not know what was scanned.
/// </summary>
public static class PayloadParser
{
    /// <summary>
    /// Parses a payload of any supported format. A first character U+00DC (the VDS magic byte 0xDC read as Latin-1) is a
    /// visible digital seal; a JSON object with <c>"data"</c> and <c>"sig"</c> is a VDS-NC; an AAMVA header ("ANSI " near
    /// the start) wins next; otherwise a payload starting with format code M and a digit is a boarding pass; anything else
    /// gives a result of type <see cref="PayloadTypes.Unknown"/> with an <c>unknown_format</c> error. Seals are read
    /// without a trust store (signature not verified): use <see cref="Parse(string, SealParseOptions)"/> to verify.
    /// </summary>
    /// <param name="payload">The barcode text, exactly as decoded.</param>
    /// <param name="mode">Strict, or lenient (the default) to accept the known real-world deviations and list them.</param>
    /// <exception cref="ArgumentNullException"><paramref name="payload"/> is null.</exception>
    public static PayloadResult Parse(string payload, ParseMode mode = ParseMode.Lenient) =>
        Parse(payload, new SealParseOptions { Mode = mode });

    /// <summary>Parses a payload of any supported format, verifying seals against the options' trust store.</summary>
    /// <param name="payload">The barcode text, exactly as decoded.</param>
    /// <param name="options">Mode for every format; trust store and clock for seals.</param>
    /// <exception cref="ArgumentNullException"><paramref name="payload"/> or <paramref name="options"/> is null.</exception>
    public static PayloadResult Parse(string payload, SealParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(options);
        return Detect(payload) switch
        {
            // A binary seal that reached us as text is its bytes one to one (Latin-1), as PayloadText.FromBytes makes them.
            PayloadTypes.Vds => VdsParser.Parse(System.Text.Encoding.Latin1.GetBytes(payload), options),
            PayloadTypes.VdsNc => VdsNcParser.Parse(payload, options),
            PayloadTypes.Aamva => AamvaParser.Parse(payload, options.Mode),
            PayloadTypes.Bcbp => BcbpParser.Parse(payload, options.Mode),
            _ => Unknown(payload, options.Mode),
        };
    }

    /// <summary>Parses a payload of any supported format given as the barcode's bytes (offsets are byte offsets).</summary>
    /// <param name="payload">The barcode bytes, exactly as decoded.</param>
    /// <param name="mode">Strict, or lenient (the default) to accept the known real-world deviations and list them.</param>
    public static PayloadResult Parse(ReadOnlySpan<byte> payload, ParseMode mode = ParseMode.Lenient) =>
        Parse(payload, new SealParseOptions { Mode = mode });

    /// <summary>
    /// Parses a payload of any supported format given as bytes, verifying seals against the options' trust store. Seals
    /// are recognised on the bytes (a VDS is binary; a VDS-NC is read as UTF-8); the text formats as Latin-1 text.
    /// </summary>
    /// <param name="payload">The barcode bytes, exactly as decoded.</param>
    /// <param name="options">Mode for every format; trust store and clock for seals.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static PayloadResult Parse(ReadOnlySpan<byte> payload, SealParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Detect(payload) switch
        {
            PayloadTypes.Vds => VdsParser.Parse(payload, options),
            PayloadTypes.VdsNc => VdsNcParser.Parse(payload, options),
            _ => Parse(PayloadText.FromBytes(payload), options),
        };
    }

    /// <summary>The format a payload looks like, as one of <see cref="PayloadTypes"/>, without parsing it.</summary>
    /// <param name="payload">The barcode text, exactly as decoded.</param>
    /// <exception cref="ArgumentNullException"><paramref name="payload"/> is null.</exception>
    public static string Detect(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Length > 0 && payload[0] == '\u00DC')
        {
            return PayloadTypes.Vds;
        }

        var start = PayloadText.ByteOrderMarkLength(payload);
        if (IsSealJson(payload.AsSpan(start)))
        {
            return PayloadTypes.VdsNc;
        }

        var head = payload.AsSpan(start, Math.Min(32, payload.Length - start));
        if (head.Contains("ANSI ", StringComparison.Ordinal))
        {
            return PayloadTypes.Aamva;
        }

        return head.Length >= 2 && head[0] is 'M' or 'm' && char.IsAsciiDigit(head[1]) ? PayloadTypes.Bcbp : PayloadTypes.Unknown;
    }

    /// <summary>The format a payload given as bytes looks like: a first byte 0xDC is a VDS; otherwise as the text.</summary>
    /// <param name="payload">The barcode bytes, exactly as decoded.</param>
    public static string Detect(ReadOnlySpan<byte> payload) =>
        payload.Length > 0 && payload[0] == 0xDC ? PayloadTypes.Vds : Detect(PayloadText.FromBytes(payload));

    /// <summary>A JSON object (after whitespace) naming the members "data" and "sig": the shape of a VDS-NC; the parser checks the rest.</summary>
    private static bool IsSealJson(ReadOnlySpan<char> text)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith('{')
               && trimmed.Contains("\"data\"", StringComparison.Ordinal)
               && trimmed.Contains("\"sig\"", StringComparison.Ordinal);
    }

    private static PayloadResult Unknown(string payload, ParseMode mode)
    {
        var result = new ResultBuilder(PayloadTypes.Unknown, mode);
        if (payload.Length == 0)
        {
            result.Error("empty", 0, "The payload is empty.");
        }
        else
        {
            result.Error("unknown_format", 0, "The payload is none of the supported formats (IATA boarding pass, AAMVA DL/ID, ICAO VDS or VDS-NC).");
        }

        return result.Build();
    }
}
