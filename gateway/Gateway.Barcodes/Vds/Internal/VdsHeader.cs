namespace Gateway.Barcodes.Vds.Internal;

/// <summary>What the header of a seal says (Doc 9303 Part 13 §2.3, BSI TR-03137 Part 1 §2.3).</summary>
/// <param name="Version">The ICAO version: 3 (version byte 0x02) or 4 (0x03).</param>
/// <param name="IssuingCountry">The issuing State, padding trimmed (Germany: <c>D</c>).</param>
/// <param name="SignerIdentifier">Country code and signer: four characters, e.g. <c>DETS</c>.</param>
/// <param name="CertificateReference">The certificate reference as written (hex digits, e.g. <c>00027</c>).</param>
/// <param name="SignatureDate">The signature creation date, or null when it does not decode.</param>
/// <param name="DocumentType">The document feature definition reference and document type category as one number, e.g. 0x5D01.</param>
/// <param name="Length">The header length in bytes: where the message zone starts.</param>
internal sealed record VdsHeader(
    int Version,
    string IssuingCountry,
    string SignerIdentifier,
    string CertificateReference,
    DateOnly? SignatureDate,
    int DocumentType,
    int Length);
