namespace Gateway.VirtualChip;

/// <summary>The kind of key DG15 holds and the chip signs INTERNAL AUTHENTICATE challenges with.</summary>
public enum ActiveAuthenticationKeyKind
{
    /// <summary>ECDSA on NIST P-256, plain r||s signature over SHA-256.</summary>
    Ecdsa,

    /// <summary>RSA, ISO/IEC 9796-2 scheme 1 signature.</summary>
    Rsa,
}
