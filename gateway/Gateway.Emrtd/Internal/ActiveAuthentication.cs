using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Emrtd.Internal.Crypto;

namespace Gateway.Emrtd.Internal;

/// <summary>
/// Active authentication (Doc 9303 Part 11 §6.1): the chip signs a terminal challenge with the private key whose public
/// key DG15 holds, proving the chip is not a copy. ECDSA keys are verified (plain r||s signature, hash from DG14's
/// ActiveAuthenticationInfo, SHA-256 by default); RSA keys by ISO/IEC 9796-2 scheme 1 (<see cref="Iso9796Signature"/>),
/// the hash named by the signature's trailer.
/// </summary>
internal static class ActiveAuthentication
{
    public const string Name = "chip.aa";
    private const string ActiveAuthenticationInfoOid = "2.23.136.1.1.5";
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcOid = "1.2.840.10045.2.1";

    /// <summary>Past this many bytes a protected answer no longer fits a short response (a 2048-bit RSA signature does not).</summary>
    private const int MaxShortAnswer = 0xDF;

    public static async Task<ChipCheck> RunAsync(CardSession session, byte[] dg15, byte[]? dg14, CultureInfo c, CancellationToken cancellationToken)
    {
        string? oid;
        AsymmetricAlgorithm? algorithm;
        try
        {
            var key = Tlv.TryFind(dg15, 0x6F, out var spki) ? PublicKey.CreateFromSubjectPublicKeyInfo(spki, out _) : throw new CryptographicException();
            oid = key.Oid.Value;
            algorithm = oid switch
            {
                RsaOid => key.GetRSAPublicKey(),
                EcOid => key.GetECDsaPublicKey(),
                _ => null,
            };
        }
        catch (CryptographicException)
        {
            return new ChipCheck(Name, ChipCheckStatus.Failed, ChipTexts.Format(c, "AaUnreadable"));
        }

        using (algorithm)
        {
            switch (algorithm)
            {
                case RSA rsa:
                    {
                        var parameters = rsa.ExportParameters(false);
                        if (parameters.Modulus!.Length > MaxShortAnswer && !session.Channel.SupportsExtendedLength)
                        {
                            return new ChipCheck(Name, ChipCheckStatus.NotPerformed, ChipTexts.Format(c, "AaNeedsExtendedLength", parameters.Modulus.Length * 8));
                        }

                        var signature = await ChallengeAsync(session, parameters.Modulus!.Length, cancellationToken).ConfigureAwait(false);
                        return signature.Data is { } data ? VerifyRsa(parameters, data, signature.Challenge, c) : Refused(signature.StatusWord, c);
                    }

                case ECDsa ecdsa:
                    {
                        var signature = await ChallengeAsync(session, ecdsa.KeySize / 4, cancellationToken).ConfigureAwait(false);
                        if (signature.Data is not { } data)
                        {
                            return Refused(signature.StatusWord, c);
                        }

                        var hash = HashFromDg14(dg14);
                        return ecdsa.VerifyData(signature.Challenge, data, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
                            ? new ChipCheck(Name, ChipCheckStatus.Passed, ChipTexts.Format(c, "AaPassed", hash.Name))
                            : new ChipCheck(Name, ChipCheckStatus.Failed, ChipTexts.Format(c, "AaFailed"));
                    }

                default:
                    return new ChipCheck(Name, ChipCheckStatus.NotPerformed, ChipTexts.Format(c, "AaKeyUnsupported", oid));
            }
        }
    }

    /// <summary>Checks the chip's ISO/IEC 9796-2 answer; every way it can fail has its own text.</summary>
    internal static ChipCheck VerifyRsa(RSAParameters key, byte[] signature, byte[] challenge, CultureInfo c)
    {
        var result = Iso9796Signature.Verify(key, signature, challenge);
        var bits = key.Modulus!.Length * 8;
        return result.Outcome switch
        {
            Iso9796Outcome.Valid => new ChipCheck(Name, ChipCheckStatus.Passed, ChipTexts.Format(c, "AaRsaPassed", bits, result.Hash!.Value.Name)),
            Iso9796Outcome.UnsupportedHash => new ChipCheck(Name, ChipCheckStatus.NotPerformed, ChipTexts.Format(c, "AaRsaHashUnsupported", result.Trailer)),
            Iso9796Outcome.OutOfRange => new ChipCheck(Name, ChipCheckStatus.Failed, ChipTexts.Format(c, "AaRsaOutOfRange")),
            Iso9796Outcome.WrongHeader => new ChipCheck(Name, ChipCheckStatus.Failed, ChipTexts.Format(c, "AaRsaWrongHeader", result.Header!.Value.ToString("X2", CultureInfo.InvariantCulture))),
            Iso9796Outcome.WrongTrailer => new ChipCheck(Name, ChipCheckStatus.Failed, ChipTexts.Format(c, "AaRsaWrongTrailer", result.Trailer)),
            _ => new ChipCheck(Name, ChipCheckStatus.Failed, ChipTexts.Format(c, "AaRsaHashMismatch", result.Hash!.Value.Name)),
        };
    }

    /// <summary>Sends a fresh 8-byte challenge with INTERNAL AUTHENTICATE; the signature, or null and the status word.</summary>
    private static async Task<(byte[] Challenge, byte[]? Data, ushort StatusWord)> ChallengeAsync(CardSession session, int expectedLength, CancellationToken cancellationToken)
    {
        var challenge = RandomNumberGenerator.GetBytes(8);

        var ne = expectedLength > MaxShortAnswer ? 65536 : 256;
        var response = await session.SendAsync(new CommandApdu(0x00, 0x88, 0x00, 0x00, challenge, ne), cancellationToken).ConfigureAwait(false);
        return (challenge, response.IsSuccess ? response.Data : null, response.StatusWord);
    }

    private static ChipCheck Refused(ushort statusWord, CultureInfo c) =>
        new(Name, ChipCheckStatus.Failed, ChipTexts.Format(c, "AaRefused", statusWord.ToString("X4", CultureInfo.InvariantCulture)));

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
