using System.Security.Cryptography;
using Gateway.Emrtd.Internal.Crypto;

namespace Gateway.Emrtd.Internal;

/// <summary>
/// Basic Access Control, terminal side (Doc 9303 Part 11 §4.3): keys from the MRZ information, GET CHALLENGE, EXTERNAL
/// AUTHENTICATE with 3DES and the retail MAC, session keys from K.IFD xor K.IC and the send sequence counter.
/// </summary>
internal static class Bac
{
    /// <summary>Runs BAC; the random values can be fixed for the worked example, otherwise they are drawn here.</summary>
    public static async Task<SecureMessaging> AuthenticateAsync(CardSession session, MrzAccessKey key, CancellationToken cancellationToken,
        byte[]? rndIfd = null, byte[]? kIfd = null)
    {
        var seed = key.BacSeed();
        var kEnc = Kdf.Derive(seed, Kdf.Encryption, CipherKind.TripleDes);
        var kMac = Kdf.Derive(seed, Kdf.Mac, CipherKind.TripleDes);

        var rndIc = await session.SendCheckedAsync(new CommandApdu(0x00, 0x84, 0x00, 0x00, [], 8), "GET CHALLENGE", cancellationToken).ConfigureAwait(false);
        if (rndIc.Length != 8)
        {
            throw new ChipException(ChipErrorKind.Malformed, "GET CHALLENGE did not return 8 bytes.");
        }

        rndIfd ??= RandomNumberGenerator.GetBytes(8);
        kIfd ??= RandomNumberGenerator.GetBytes(16);
        var eIfd = BlockCiphers.TripleDesCbc(kEnc, [.. rndIfd, .. rndIc, .. kIfd], encrypt: true);
        var mIfd = RetailMac.Compute(kMac, eIfd);
        var response = await session.SendAsync(new CommandApdu(0x00, 0x82, 0x00, 0x00, [.. eIfd, .. mIfd], 40), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw new ChipException(ChipErrorKind.AccessDenied, $"BAC mutual authentication refused ({response.StatusWord:X4}): the access key does not match the chip.", response.StatusWord);
        }

        if (response.Data.Length != 40
            || !CryptographicOperations.FixedTimeEquals(RetailMac.Compute(kMac, response.Data.AsSpan(0, 32)), response.Data.AsSpan(32)))
        {
            throw new ChipException(ChipErrorKind.AccessDenied, "BAC mutual authentication: the chip's cryptogram does not verify.");
        }

        var r = BlockCiphers.TripleDesCbc(kEnc, response.Data.AsSpan(0, 32), encrypt: false);
        if (!r.AsSpan(0, 8).SequenceEqual(rndIc) || !r.AsSpan(8, 8).SequenceEqual(rndIfd))
        {
            throw new ChipException(ChipErrorKind.AccessDenied, "BAC mutual authentication: the chip's nonces do not match.");
        }

        var kSeed = new byte[16];
        for (var i = 0; i < 16; i++)
        {
            kSeed[i] = (byte)(kIfd[i] ^ r[16 + i]);
        }

        byte[] ssc = [.. rndIc.AsSpan(4, 4), .. rndIfd.AsSpan(4, 4)];
        return new SecureMessaging(SmCipher.FromSecret(CipherKind.TripleDes, kSeed), ssc);
    }
}
