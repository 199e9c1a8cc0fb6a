namespace Gateway.Emrtd.Internal.Crypto;

/// <summary>
/// The session keys of secure messaging and what they do: 3DES (BAC, PACE-3DES) with a zero IV and the retail MAC, or AES
/// (PACE-AES) with IV = E(KSenc, SSC) and AES-CMAC cut to 8 bytes (Doc 9303 Part 11 §9.8).
/// </summary>
internal sealed class SmCipher
{
    private readonly byte[] _encryptionKey;
    private readonly byte[] _macKey;
    private readonly System.Security.Cryptography.Aes? _aes;
    private readonly AesCmac? _cmac;

    public SmCipher(CipherKind kind, byte[] encryptionKey, byte[] macKey)
    {
        Kind = kind;
        _encryptionKey = encryptionKey;
        _macKey = macKey;
        if (kind != CipherKind.TripleDes)
        {
            // Every APDU uses the same keys: keep the key schedules for the session.
            _aes = System.Security.Cryptography.Aes.Create();
            _aes.Key = encryptionKey;
            _cmac = new AesCmac(macKey);
        }
    }

    public CipherKind Kind { get; }

    public int BlockSize => Kind == CipherKind.TripleDes ? 8 : 16;

    /// <summary>Creates the session keys from a shared secret with the KDF (PACE, and BAC's K.IFD xor K.IC seed).</summary>
    public static SmCipher FromSecret(CipherKind kind, ReadOnlySpan<byte> secret) =>
        new(kind, Kdf.Derive(secret, Kdf.Encryption, kind), Kdf.Derive(secret, Kdf.Mac, kind));

    public byte[] Encrypt(ReadOnlySpan<byte> ssc, ReadOnlySpan<byte> padded) => _aes is null
        ? BlockCiphers.TripleDesCbc(_encryptionKey, padded, encrypt: true)
        : _aes.EncryptCbc(padded, _aes.EncryptEcb(ssc, System.Security.Cryptography.PaddingMode.None), System.Security.Cryptography.PaddingMode.None);

    public byte[] Decrypt(ReadOnlySpan<byte> ssc, ReadOnlySpan<byte> data) => _aes is null
        ? BlockCiphers.TripleDesCbc(_encryptionKey, data, encrypt: false)
        : _aes.DecryptCbc(data, _aes.EncryptEcb(ssc, System.Security.Cryptography.PaddingMode.None), System.Security.Cryptography.PaddingMode.None);

    /// <summary>The 8-byte MAC of data already padded to the block size.</summary>
    public byte[] Mac(ReadOnlySpan<byte> padded) => _cmac is null
        ? RetailMac.Compute(_macKey, padded, pad: false)
        : _cmac.Compute(padded)[..8];

    /// <summary>The 8-byte MAC of unpadded data (PACE authentication tokens: CMAC pads itself, the retail MAC is padded).</summary>
    public byte[] TokenMac(ReadOnlySpan<byte> data) => _cmac is null
        ? RetailMac.Compute(_macKey, data, pad: true)
        : _cmac.Compute(data)[..8];
}
