namespace Gateway.VirtualChip;

/// <summary>The ways the virtual chip can lie, each caught by one check of the reader.</summary>
public enum ChipLie
{
    /// <summary>An honest chip.</summary>
    None,

    /// <summary>DG1 altered after signing (chip.dg1.hash).</summary>
    TamperedDg1,

    /// <summary>DG2 altered after signing (chip.dg2.hash).</summary>
    TamperedDg2,

    /// <summary>EF.SOD signed by a key that is not the document signer's (chip.sod.signature).</summary>
    WrongSodSignature,

    /// <summary>The document signer certificate has expired (chip.signer.chain).</summary>
    ExpiredSigner,

    /// <summary>The document signer chains to a CSCA the reader does not trust (chip.signer.chain).</summary>
    UnknownCsca,

    /// <summary>The chip answers active authentication with a key other than DG15's: a cloned chip (chip.aa).</summary>
    ClonedChip,

    /// <summary>The chip answers active authentication with a signature of another challenge, as a replayed answer (chip.aa).</summary>
    ReplayedAaSignature,

    /// <summary>The chip performs chip authentication with a key other than DG14's: a cloned chip (chip.ca).</summary>
    ClonedChipAuthenticationKey,

    /// <summary>The chip offers chip authentication in DG14 but refuses to perform it (chip.ca).</summary>
    RefusesChipAuthentication,
}
