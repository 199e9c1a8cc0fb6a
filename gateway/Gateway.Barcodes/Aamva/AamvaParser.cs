using Gateway.Barcodes.Aamva.Internal;
using Gateway.Barcodes.Internal;

namespace Gateway.Barcodes.Aamva;

/// <summary>
/// Parses the PDF417 payload of North American driving licences and ID cards (AAMVA DL/ID card design standard,
/// versions 1 to 10; later versions are read with the version 10 rules): the header, the subfile designators, and the
/// elements of every subfile. Header items have an empty group; elements are grouped by subfile type
/// (<c>dl</c>, <c>id</c>, <c>zv</c>…). Dates come out as ISO 8601; the check <c>date_format_dl</c> (or <c>_id</c>)
/// says which layout was applied and why. Never throws on bad data: problems are errors and warnings in the result.
/// </summary>
public static class AamvaParser
{
    /// <summary>Parses an AAMVA payload given as text.</summary>
    /// <param name="payload">The barcode text, exactly as decoded.</param>
    /// <param name="mode">Strict, or lenient (the default) to accept the known real-world deviations and list them.</param>
    /// <exception cref="ArgumentNullException"><paramref name="payload"/> is null.</exception>
    public static PayloadResult Parse(string payload, ParseMode mode = ParseMode.Lenient)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var result = new ResultBuilder(PayloadTypes.Aamva, mode);
        var header = new AamvaHeaderReader(payload, result).Read();
        if (header is not null)
        {
            var elements = new AamvaElementReader(payload, result, header.Version);
            foreach (var subfile in new AamvaSubfileLocator(payload, result).Locate(header))
            {
                elements.Read(subfile);
            }

            if (!result.HasErrors && !result.Fields.Any(f => f.Group is "dl" or "id"))
            {
                result.Error("no_card_subfile", header.DataStart, "The payload has no DL or ID subfile.");
            }
        }

        return result.Build();
    }

    /// <summary>Parses an AAMVA payload given as the barcode's bytes (read one to one, so offsets are byte offsets).</summary>
    /// <param name="payload">The barcode bytes, exactly as decoded.</param>
    /// <param name="mode">Strict, or lenient (the default) to accept the known real-world deviations and list them.</param>
    public static PayloadResult Parse(ReadOnlySpan<byte> payload, ParseMode mode = ParseMode.Lenient) =>
        Parse(PayloadText.FromBytes(payload), mode);
}
