using Gateway.Barcodes.Aamva;
using Gateway.Barcodes.Bcbp;
using Gateway.Barcodes.Internal;

namespace Gateway.Barcodes;

/// <summary>
/// Recognises which supported format a decoded barcode payload is in and parses it with that format's parser, for
/// callers (a scanner, <c>gatewayctl barcode parse</c>) that do not know what was scanned.
/// </summary>
public static class PayloadParser
{
    /// <summary>
    /// Parses a payload of any supported format. An AAMVA header ("ANSI " near the start) wins; otherwise a payload
    /// starting with format code M and a digit is a boarding pass; anything else gives a result of type
    /// <see cref="PayloadTypes.Unknown"/> with an <c>unknown_format</c> error.
    /// </summary>
    /// <param name="payload">The barcode text, exactly as decoded.</param>
    /// <param name="mode">Strict, or lenient (the default) to accept the known real-world deviations and list them.</param>
    /// <exception cref="ArgumentNullException"><paramref name="payload"/> is null.</exception>
    public static PayloadResult Parse(string payload, ParseMode mode = ParseMode.Lenient)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return Detect(payload) switch
        {
            PayloadTypes.Aamva => AamvaParser.Parse(payload, mode),
            PayloadTypes.Bcbp => BcbpParser.Parse(payload, mode),
            _ => Unknown(payload, mode),
        };
    }

    /// <summary>Parses a payload of any supported format given as the barcode's bytes (offsets are byte offsets).</summary>
    /// <param name="payload">The barcode bytes, exactly as decoded.</param>
    /// <param name="mode">Strict, or lenient (the default) to accept the known real-world deviations and list them.</param>
    public static PayloadResult Parse(ReadOnlySpan<byte> payload, ParseMode mode = ParseMode.Lenient) =>
        Parse(PayloadText.FromBytes(payload), mode);

    /// <summary>The format a payload looks like, as one of <see cref="PayloadTypes"/>, without parsing it.</summary>
    /// <param name="payload">The barcode text, exactly as decoded.</param>
    /// <exception cref="ArgumentNullException"><paramref name="payload"/> is null.</exception>
    public static string Detect(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var start = PayloadText.ByteOrderMarkLength(payload);
        var head = payload.AsSpan(start, Math.Min(32, payload.Length - start));
        if (head.Contains("ANSI ", StringComparison.Ordinal))
        {
            return PayloadTypes.Aamva;
        }

        return head.Length >= 2 && head[0] is 'M' or 'm' && char.IsAsciiDigit(head[1]) ? PayloadTypes.Bcbp : PayloadTypes.Unknown;
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
            result.Error("unknown_format", 0, "The payload is neither an IATA boarding pass nor an AAMVA DL/ID payload.");
        }

        return result.Build();
    }
}
