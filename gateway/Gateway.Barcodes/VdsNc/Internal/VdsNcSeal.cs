namespace Gateway.Barcodes.VdsNc.Internal;

/// <summary>The parts of a well-formed VDS-NC the signature check needs.</summary>
/// <param name="Data">The signed member <c>data</c> (header and message).</param>
/// <param name="Algorithm">The member <c>sig.alg</c>.</param>
/// <param name="Certificate">The member <c>sig.cer</c> (base64url DER).</param>
/// <param name="Signature">The member <c>sig.sigvl</c> (base64url r‖s).</param>
internal sealed record VdsNcSeal(JsonNode Data, JsonNode Algorithm, JsonNode Certificate, JsonNode Signature);
