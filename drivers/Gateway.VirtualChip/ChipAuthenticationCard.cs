using System.Security.Cryptography;
using Gateway.Emrtd.Internal;
using Gateway.Emrtd.Internal.Crypto;

namespace Gateway.VirtualChip;

/// <summary>
/// Chip authentication with ECDH, card side (Doc 9303 Part 11 §6.2): MSE:Set AT naming the protocol and GENERAL
/// AUTHENTICATE with the terminal's ephemeral key (AES), or MSE:Set KAT carrying it (3DES); the answer still goes under
/// the old keys, then secure messaging restarts under keys derived from the shared secret, with a zero counter.
/// </summary>
internal sealed class ChipAuthenticationCard(PassportContent content)
{
    private bool _armed;

    public void Reset() => _armed = false;

    /// <summary>MSE:Set AT (AES): remembers that the next GENERAL AUTHENTICATE is chip authentication.</summary>
    public ushort SetAuthenticationTemplate(byte[] data)
    {
        _armed = content.Spec.Lie != ChipLie.RefusesChipAuthentication
            && Tlv.TryFind(data, 0x80, out var oid) && oid.SequenceEqual(content.ChipAuthenticationOidContent) && KeyIdMatches(data);
        return _armed ? StatusWords.Success : StatusWords.WrongData;
    }

    public bool Armed => _armed;

    /// <summary>GENERAL AUTHENTICATE (AES): the answer (an empty 7C) and the next session.</summary>
    public (byte[] Response, ushort Sw, SecureMessaging? Sm) GeneralAuthenticate(byte[] data)
    {
        _armed = false;
        var sm = Tlv.TryFind(data, 0x7C, out var dynamic) && Tlv.TryFind(dynamic, 0x80, out var point) ? Agree(point) : null;
        return sm is null ? ([], StatusWords.WrongData, null) : ([0x7C, 0x00], StatusWords.Success, sm);
    }

    /// <summary>MSE:Set KAT (3DES): the ephemeral key in DO'91'.</summary>
    public (ushort Sw, SecureMessaging? Sm) SetKeyAgreementTemplate(byte[] data)
    {
        var sm = content.Spec.ChipAuthenticationCipher == CipherKind.TripleDes && content.Spec.Lie != ChipLie.RefusesChipAuthentication && KeyIdMatches(data) && Tlv.TryFind(data, 0x91, out var point) ? Agree(point) : null;
        return sm is null ? (StatusWords.WrongData, null) : (StatusWords.Success, sm);
    }

    private bool KeyIdMatches(byte[] data) =>
        Tlv.TryFind(data, 0x84, out var id) == content.Spec.ChipAuthenticationKeyId is not null
        && (content.Spec.ChipAuthenticationKeyId is not { } expected || id.Length == 1 && id[0] == expected);

    private SecureMessaging? Agree(ReadOnlySpan<byte> point)
    {
        var key = content.ChipAuthenticationKey!;
        var size = (point.Length - 1) / 2;
        if (point.Length < 3 || point[0] != 0x04 || point.Length != 1 + 2 * size)
        {
            return null;
        }

        try
        {
            using var terminal = ECDiffieHellman.Create(new ECParameters
            {
                Curve = key.ExportParameters(false).Curve,
                Q = new ECPoint { X = point.Slice(1, size).ToArray(), Y = point.Slice(1 + size, size).ToArray() },
            });
            var cipher = SmCipher.FromSecret(content.Spec.ChipAuthenticationCipher, key.DeriveRawSecretAgreement(terminal.PublicKey));
            return new SecureMessaging(cipher, new byte[cipher.BlockSize]);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
