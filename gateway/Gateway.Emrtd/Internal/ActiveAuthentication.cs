using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Gateway.Emrtd.Internal;

/// <summary>
/// Active authentication (Doc 9303 Part 11 §6.1): the chip signs a terminal challenge with the private key whose public
/// key DG15 holds, proving the chip is not a copy. ECDSA keys are verified (plain r||s signature, hash from DG14's
/// ActiveAuthenticationInfo, SHA-256 by default); RSA keys (ISO/IEC 9796-2) are reported as not performed.
/// </summary>
internal static class ActiveAuthentication
{
    public const string Name = "chip.aa";
    private const string ActiveAuthenticationInfoOid = "2.23.136.1.1.5";

    public static async Task<ChipCheck> RunAsync(CardSession session, byte[] dg15, byte[]? dg14, System.Globalization.CultureInfo c, CancellationToken cancellationToken)
    {
        if (!Tlv.TryFind(dg15, 0x6F, out var spki))
        {
            return new ChipCheck(Name, ChipCheckStatus.Failed, ChipTexts.Format(c, "AaUnreadable"));
        }

        using var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportSubjectPublicKeyInfo(spki, out _);
        }
        catch (CryptographicException)
        {
            return new ChipCheck(Name, ChipCheckStatus.NotPerformed, ChipTexts.Format(c, "AaRsa"));
        }

        var challenge = RandomNumberGenerator.GetBytes(8);
        var response = await session.SendAsync(new CommandApdu(0x00, 0x88, 0x00, 0x00, challenge, 256), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return new ChipCheck(Name, ChipCheckStatus.Failed, ChipTexts.Format(c, "AaRefused", response.StatusWord.ToString("X4", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var hash = HashFromDg14(dg14);
        return ecdsa.VerifyData(challenge, response.Data, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            ? new ChipCheck(Name, ChipCheckStatus.Passed, ChipTexts.Format(c, "AaPassed", hash.Name))
            : new ChipCheck(Name, ChipCheckStatus.Failed, ChipTexts.Format(c, "AaFailed"));
    }

    private static HashAlgorithmName HashFromDg14(byte[]? dg14)
    {
        if (dg14 is null || !Tlv.TryFind(dg14, 0x6E, out var body))
        {
            return HashAlgorithmName.SHA256;
        }

        try
        {
            var set = new AsnReader(body.ToArray(), AsnEncodingRules.BER).ReadSetOf(skipSortOrderValidation: true);
            while (set.HasData)
            {
                var info = set.ReadSequence();
                if (info.ReadObjectIdentifier() != ActiveAuthenticationInfoOid)
                {
                    continue;
                }

                info.ReadInteger();
                return info.ReadObjectIdentifier() switch
                {
                    "0.4.0.127.0.7.1.1.4.1.1" => HashAlgorithmName.SHA1,
                    "0.4.0.127.0.7.1.1.4.1.4" => HashAlgorithmName.SHA384,
                    "0.4.0.127.0.7.1.1.4.1.5" => HashAlgorithmName.SHA512,
                    _ => HashAlgorithmName.SHA256,
                };
            }
        }
        catch (AsnContentException)
        {
        }

        return HashAlgorithmName.SHA256;
    }
}
