using System.Security.Cryptography;
using Gateway.Emrtd;
using Gateway.Emrtd.Internal;
using Gateway.Emrtd.Internal.Crypto;

namespace Gateway.VirtualChip;

/// <summary>BAC, card side (Doc 9303 Part 11 §4.3): checks the terminal's cryptogram and answers with its own.</summary>
internal sealed class BacCard(MrzAccessKey key)
{
    private byte[]? _challenge;

    public void Reset() => _challenge = null;

    public byte[] GetChallenge() => _challenge = RandomNumberGenerator.GetBytes(8);

    public (byte[]? Response, SecureMessaging? Sm) ExternalAuthenticate(byte[] data)
    {
        var rndIc = _challenge;
        _challenge = null;
        var seed = key.BacSeed();
        var kEnc = Kdf.Derive(seed, Kdf.Encryption, CipherKind.TripleDes);
        var kMac = Kdf.Derive(seed, Kdf.Mac, CipherKind.TripleDes);
        if (rndIc is null || data.Length != 40 || !CryptographicOperations.FixedTimeEquals(RetailMac.Compute(kMac, data.AsSpan(0, 32)), data.AsSpan(32)))
        {
            return (null, null);
        }

        var s = BlockCiphers.TripleDesCbc(kEnc, data.AsSpan(0, 32), encrypt: false);
        if (!s.AsSpan(8, 8).SequenceEqual(rndIc))
        {
            return (null, null);
        }

        var rndIfd = s.AsSpan(0, 8).ToArray();
        var kIc = RandomNumberGenerator.GetBytes(16);
        var eIc = BlockCiphers.TripleDesCbc(kEnc, [.. rndIc, .. rndIfd, .. kIc], encrypt: true);
        var seedSession = new byte[16];
        for (var i = 0; i < 16; i++)
        {
            seedSession[i] = (byte)(s[16 + i] ^ kIc[i]);
        }

        byte[] ssc = [.. rndIc.AsSpan(4, 4), .. rndIfd.AsSpan(4, 4)];
        return ([.. eIc, .. RetailMac.Compute(kMac, eIc)], new SecureMessaging(SmCipher.FromSecret(CipherKind.TripleDes, seedSession), ssc));
    }
}
