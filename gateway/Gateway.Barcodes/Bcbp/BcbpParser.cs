using Gateway.Barcodes.Bcbp.Internal;
using Gateway.Barcodes.Internal;

namespace Gateway.Barcodes.Bcbp;

/// <summary>
/// Parses IATA Bar Coded Boarding Pass payloads (Resolution 792, format code M, versions 1 to 8, up to four legs):
/// mandatory items, conditional unique and repeated sections, airline individual use, and the security section.
/// Fields of a leg are in group <c>leg_1</c>…<c>leg_4</c>; payload-wide items have an empty group.
/// Never throws on bad data: problems are errors and warnings in the result.
/// </summary>
public static class BcbpParser
{
    /// <summary>Parses a boarding pass payload given as text.</summary>
    /// <param name="payload">The barcode text, exactly as decoded.</param>
    /// <param name="mode">Strict, or lenient (the default) to accept the known real-world quirks and list them.</param>
    /// <exception cref="ArgumentNullException"><paramref name="payload"/> is null.</exception>
    public static PayloadResult Parse(string payload, ParseMode mode = ParseMode.Lenient)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var result = new ResultBuilder(PayloadTypes.Bcbp, mode);
        new BcbpReader(new BcbpContext(payload, result)).Read();
        return result.Build();
    }

    /// <summary>Parses a boarding pass payload given as the barcode's bytes (read one to one, so offsets are byte offsets).</summary>
    /// <param name="payload">The barcode bytes, exactly as decoded.</param>
    /// <param name="mode">Strict, or lenient (the default) to accept the known real-world quirks and list them.</param>
    public static PayloadResult Parse(ReadOnlySpan<byte> payload, ParseMode mode = ParseMode.Lenient) =>
        Parse(PayloadText.FromBytes(payload), mode);
}
