using System.Text;
using Gateway.Barcodes.Internal;
using Gateway.Barcodes.Seals;
using Gateway.Barcodes.VdsNc.Internal;

namespace Gateway.Barcodes.VdsNc;

/// <summary>
/// Parses ICAO Visible Digital Seals for non-constrained environments (VDS-NC, the JSON in a QR code): header
/// (group <c>""</c>), message (named fields for <c>icao.test</c> and <c>icao.vacc</c>, JSON names for other types),
/// signature members (group <c>signature</c>), and verification of <c>sigvl</c> over the RFC 8785 canonical
/// <c>data</c> with the embedded certificate, which must chain to a CSCA of <see cref="SealParseOptions.TrustStore"/>.
/// Malformed JSON, bad base64 or a wrong curve give errors, never exceptions.
/// </summary>
public static class VdsNcParser
{
    /// <summary>Parses a VDS-NC given as text (offsets are character offsets).</summary>
    /// <param name="json">The QR code text, exactly as decoded.</param>
    /// <param name="options">Trust store, mode and clock; <see cref="SealParseOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static PayloadResult Parse(string json, SealParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), textInput: true, options ?? SealParseOptions.Default);
    }

    /// <summary>Parses a VDS-NC given as UTF-8 bytes (offsets are byte offsets).</summary>
    /// <param name="utf8Json">The QR code bytes, exactly as decoded.</param>
    /// <param name="options">Trust store, mode and clock; <see cref="SealParseOptions.Default"/> when null.</param>
    public static PayloadResult Parse(ReadOnlySpan<byte> utf8Json, SealParseOptions? options = null) =>
        Parse(utf8Json.ToArray(), textInput: false, options ?? SealParseOptions.Default);

    private static PayloadResult Parse(byte[] utf8, bool textInput, SealParseOptions options)
    {
        var result = new ResultBuilder(PayloadTypes.VdsNc, options.Mode);
        var start = utf8.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        if (start > 0)
        {
            result.Deviation("byte_order_mark", 0, "A byte-order mark precedes the JSON; skipped.");
        }

        // The reader sees the bytes after the mark; padding keeps its offsets those of the input.
        var body = start == 0 ? utf8 : [.. "   "u8, .. utf8.AsSpan(start)];
        var context = new VdsNcContext(body, utf8, textInput, result);
        var seal = new VdsNcReader(context).Read();
        result.Signature = seal is null
            ? new SealSignature("unknown", SignatureStatus.NotVerified, "vdsnc.structure",
                "The seal is not a complete VDS-NC, so there is nothing to verify.", null, null, null, null, null, null)
            : new VdsNcVerifier(context, options).Verify(seal);
        return result.Build();
    }
}
