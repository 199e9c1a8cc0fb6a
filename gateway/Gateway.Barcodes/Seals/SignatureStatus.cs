namespace Gateway.Barcodes.Seals;

/// <summary>The overall outcome of a seal's signature verification (<see cref="SealSignature.Status"/>).</summary>
public enum SignatureStatus
{
    /// <summary>
    /// Verification could not be made: no trust store, no certificate for the seal's signer in it, no signature zone, or an
    /// algorithm or curve this platform cannot verify. Never to be read as a pass.
    /// </summary>
    NotVerified = 0,

    /// <summary>The signature does not match the signed data under the signer's key: the seal was altered or forged.</summary>
    Invalid = 1,

    /// <summary>
    /// The signature matches, but the signer certificate does not chain to a trusted CSCA in the store or was not valid at
    /// the signing date (for VDS-NC: at the reference time).
    /// </summary>
    Untrusted = 2,

    /// <summary>The signature matches, the signer certificate was valid and chains to a trusted CSCA in the store.</summary>
    Verified = 3,
}
