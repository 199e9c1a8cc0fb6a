using Gateway.Barcodes.Internal;
using Gateway.Barcodes.Seals;
using Gateway.Barcodes.Vds.Internal;

namespace Gateway.Barcodes.Vds;

/// <summary>
/// Parses ICAO Visible Digital Seals (Doc 9303 Part 13; BSI TR-03137 Part 1), header versions 3 and 4: the header (group
/// <c>""</c>), the message zone features of the known document types (group <c>message</c>; unknown features as hex
/// <c>feature_xx</c>), the MRZ inside visas, residence permits and the like through the MRZ engine (group <c>mrz</c>,
/// checks <c>mrz.*</c>), and the signature zone (group <c>signature</c>). With a <see cref="TrustStore"/> the signature
/// is verified; <see cref="PayloadResult.Signature"/> says who signed and whether it holds. Offsets are byte offsets.
/// Never throws on bad data: problems are errors and warnings in the result.
/// </summary>
public static class VdsParser
{
    /// <summary>Parses a seal given as the barcode's bytes (a DataMatrix in byte mode).</summary>
    /// <param name="seal">The seal bytes, exactly as decoded.</param>
    /// <param name="options">Trust store, mode and clock; <see cref="SealParseOptions.Default"/> when null.</param>
    public static PayloadResult Parse(ReadOnlySpan<byte> seal, SealParseOptions? options = null)
    {
        options ??= SealParseOptions.Default;
        var result = new ResultBuilder(PayloadTypes.Vds, options.Mode);
        var context = new VdsContext(seal.ToArray(), result);
        var header = new VdsHeaderReader(context).Read();
        if (header is null)
        {
            result.Signature = new SealSignature("unknown", SignatureStatus.NotVerified, "vds.header",
                "The header could not be read, so there is no signer to verify.", null, null, null, null, null, null);
            return result.Build();
        }

        var today = DateOnly.FromDateTime(options.TimeProvider.GetUtcNow().UtcDateTime);
        var zone = new VdsMessageReader(context, header, today).Read();
        result.Signature = new VdsSignatureVerifier(context, header, options.TrustStore).Verify(zone);
        return result.Build();
    }
}
