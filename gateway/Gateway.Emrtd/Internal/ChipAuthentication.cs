using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using Gateway.Emrtd.Internal.Crypto;
using Gateway.Emrtd.Internal.Lds;

namespace Gateway.Emrtd.Internal;

/// <summary>
/// Chip authentication with ECDH (Doc 9303 Part 11 §6.2): the terminal sends an ephemeral public key on the curve of
/// DG14's static key (AES: MSE:Set AT then GENERAL AUTHENTICATE; 3DES: MSE:Set KAT), both sides derive new session keys
/// from the shared secret with the KDF, and secure messaging restarts with a zero send sequence counter. Only a chip
/// holding DG14's private key answers correctly under the new keys, which a read of EF.COM shows.
/// </summary>
internal static class ChipAuthentication
{
    public const string Name = "chip.ca";

    /// <summary>Runs chip authentication. <c>SessionLost</c>: the chip's answers no longer verify and nothing more can be read.</summary>
    public static async Task<(ChipCheck Check, bool SessionLost)> RunAsync(CardSession session, byte[] dg14, byte[] com, CultureInfo c, CancellationToken cancellationToken)
    {
        ChipAuthenticationKey? offer;
        var chipKey = ECDiffieHellman.Create();
        try
        {
            offer = ChipAuthenticationKey.FromDg14(dg14, out var offered);
            if (offer is null)
            {
                chipKey.Dispose();
                return (new ChipCheck(Name, ChipCheckStatus.NotPerformed, ChipTexts.Format(c, "CaNotSupported", offered)), false);
            }

            chipKey.ImportSubjectPublicKeyInfo(offer.PublicKeyInfo, out _);
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException)
        {
            chipKey.Dispose();
            return (new ChipCheck(Name, ChipCheckStatus.Failed, ChipTexts.Format(c, "CaUnreadable")), false);
        }

        using (chipKey)
        using (var ephemeral = ECDiffieHellman.Create(chipKey.ExportParameters(false).Curve))
        {
            var q = ephemeral.ExportParameters(false).Q;
            byte[] point = [0x04, .. q.X!, .. q.Y!];
            byte[] keyReference = offer.KeyId is { } id ? Tlv.Encode(0x84, KeyIdBytes(id)) : [];
            var refused = offer.Cipher == CipherKind.TripleDes
                ? await RefusedAsync(session, new CommandApdu(0x00, 0x22, 0x41, 0xA6, [.. Tlv.Encode(0x91, point), .. keyReference], 0), cancellationToken).ConfigureAwait(false)
                : await RefusedAsync(session, new CommandApdu(0x00, 0x22, 0x41, 0xA4, [.. Tlv.Encode(0x80, OidContent(offer.Protocol)), .. keyReference], 0), cancellationToken).ConfigureAwait(false)
                    ?? await RefusedAsync(session, new CommandApdu(0x00, 0x86, 0x00, 0x00, Tlv.Encode(0x7C, Tlv.Encode(0x80, point)), 256), cancellationToken).ConfigureAwait(false);
            if (refused is { } sw)
            {
                return (new ChipCheck(Name, ChipCheckStatus.Failed, ChipTexts.Format(c, "CaRefused", sw.ToString("X4", CultureInfo.InvariantCulture))), false);
            }

            var cipher = SmCipher.FromSecret(offer.Cipher, ephemeral.DeriveRawSecretAgreement(chipKey.PublicKey));
            session.Secure(new SecureMessaging(cipher, new byte[cipher.BlockSize]));
        }

        try
        {
            var proof = await session.TrySelectAsync(LdsFile.Com, cancellationToken).ConfigureAwait(false)
                ? await session.ReadBinaryAsync(0, 4, cancellationToken).ConfigureAwait(false)
                : [];
            if (proof.Length == 0 || !com.AsSpan().StartsWith(proof))
            {
                return (new ChipCheck(Name, ChipCheckStatus.Failed, ChipTexts.Format(c, "CaFailed")), true);
            }
        }
        catch (ChipException e) when (!e.IsTransient)
        {
            return (new ChipCheck(Name, ChipCheckStatus.Failed, ChipTexts.Format(c, "CaFailed")), true);
        }

        return (new ChipCheck(Name, ChipCheckStatus.Passed, ChipTexts.Format(c, "CaPassed", offer.Protocol, CipherName(offer.Cipher))), false);
    }

    private static async Task<ushort?> RefusedAsync(CardSession session, CommandApdu command, CancellationToken cancellationToken)
    {
        var response = await session.SendAsync(command, cancellationToken).ConfigureAwait(false);
        return response.IsSuccess ? null : response.StatusWord;
    }

    private static string CipherName(CipherKind cipher) => cipher switch
    {
        CipherKind.TripleDes => "3DES",
        CipherKind.Aes128 => "AES-128",
        CipherKind.Aes192 => "AES-192",
        _ => "AES-256",
    };

    private static byte[] OidContent(string oid)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteObjectIdentifier(oid);
        return writer.Encode()[2..];
    }

    private static byte[] KeyIdBytes(long id) => new System.Numerics.BigInteger(id).ToByteArray(isUnsigned: true, isBigEndian: true);
}
