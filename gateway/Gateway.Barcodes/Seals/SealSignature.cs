namespace Gateway.Barcodes.Seals;

/// <summary>
/// Who signed a digital seal and whether the signature holds, for display by the host. The individual checks behind
/// <see cref="Status"/> are in <see cref="PayloadResult.Checks"/> (<c>vds.*</c> or <c>vdsnc.*</c>).
/// </summary>
/// <param name="Algorithm">The signature algorithm, e.g. <c>ECDSA brainpoolP256r1 SHA-256</c> or <c>ES256</c>; the seal's own name when the key is unknown.</param>
/// <param name="Status">The overall outcome; only <see cref="SignatureStatus.Verified"/> means authentic.</param>
/// <param name="FailedCheck">The name of the first check that failed or could not be made (e.g. <c>vds.signature</c>); null when verified.</param>
/// <param name="Detail">A sentence for people saying what was found; never holds personal data.</param>
/// <param name="SignerSubject">The signer certificate's subject, or null when no certificate was found.</param>
/// <param name="SignerSerial">The signer certificate's serial number in uppercase hex, or null.</param>
/// <param name="SignerCountry">The signer's country: the certificate's C attribute, else the seal's own claim; null when neither is known.</param>
/// <param name="CertificateReference">
/// VDS: the signer identifier and certificate reference from the header (e.g. <c>DETS 32</c>); VDS-NC: null (the
/// certificate travels in the seal).
/// </param>
/// <param name="CscaSubject">The subject of the trusted CSCA the signer chained to, or null when no chain was built.</param>
/// <param name="SignedAt">The signature creation date from the VDS header; null for VDS-NC, which carries none.</param>
public sealed record SealSignature(
    string Algorithm,
    SignatureStatus Status,
    string? FailedCheck,
    string Detail,
    string? SignerSubject,
    string? SignerSerial,
    string? SignerCountry,
    string? CertificateReference,
    string? CscaSubject,
    DateOnly? SignedAt);
