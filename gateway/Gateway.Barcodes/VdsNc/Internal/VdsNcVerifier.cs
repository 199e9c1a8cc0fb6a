using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Barcodes.Seals;
using Gateway.Barcodes.Seals.Internal;

namespace Gateway.Barcodes.VdsNc.Internal;

/// <summary>
/// Verifies a VDS-NC: the signature <c>sigvl</c> over the RFC 8785 canonical form of <c>data</c> under the key of the
/// embedded certificate <c>cer</c> (ES256/384/512 as r‖s; PS and RS with RSA keys), then that certificate's validity at
/// the reference time (a VDS-NC carries no signing date) and its chain to a trusted CSCA. Checks:
/// <c>vdsnc.certificate</c>, <c>vdsnc.signature</c>, <c>vdsnc.certificate_validity</c>, <c>vdsnc.certificate_chain</c>.
/// </summary>
internal sealed class VdsNcVerifier(VdsNcContext context, SealParseOptions options)
{
    public SealSignature Verify(VdsNcSeal seal)
    {
        var report = new SignatureReport(context.Result, "vdsnc") { Algorithm = seal.Algorithm.Text };
        using var certificate = ReadCertificate(report, seal.Certificate);
        if (certificate is null)
        {
            report.NotVerified("signature", "No certificate to verify the signature with.");
            return report.Build();
        }

        // The report keeps the certificate for the result; it is disposed with this method, after Build read it.
        report.Signer = certificate;
        report.Pass("certificate", $"Embedded certificate {certificate.Subject}, serial {CertificateNames.SerialHex(certificate)}.");
        VerifySignature(report, certificate, seal);
        var now = options.TimeProvider.GetUtcNow().UtcDateTime;
        if (options.TrustStore is null)
        {
            report.NotVerified("certificate_chain", "No trust store is configured, so the certificate cannot be chained to a trusted CSCA.");
        }
        else
        {
            report.CheckTrust(certificate, options.TrustStore, now, wholeDay: false, $"at the reference time {now:yyyy-MM-dd HH:mm} UTC",
                context.Offset(seal.Certificate.Start));
        }

        return report.Build();
    }

    private X509Certificate2? ReadCertificate(SignatureReport report, JsonNode node)
    {
        var offset = context.Offset(node.Start);
        if (!TryBase64(node, "sig.cer", out var der))
        {
            report.Fail("certificate", SignatureStatus.NotVerified, "bad_base64", offset, "The certificate (sig.cer) is not base64url.");
            return null;
        }

        try
        {
            var certificate = X509CertificateLoader.LoadCertificate(der);
            if (CertificateTrust.IsReadable(certificate))
            {
                return certificate;
            }

            certificate.Dispose();
        }
        catch (CryptographicException)
        {
            // Reported below, with the certificates that load but do not read.
        }

        report.Fail("certificate", SignatureStatus.NotVerified, "bad_certificate", offset, "The certificate (sig.cer) is not a readable DER X.509 certificate.");
        return null;
    }

    private void VerifySignature(SignatureReport report, X509Certificate2 certificate, VdsNcSeal seal)
    {
        var offset = context.Offset(seal.Signature.Start);
        var algorithm = seal.Algorithm.Text;
        (char Family, HashAlgorithmName Hash, int Bits)? scheme = algorithm switch
        {
            "ES256" => ('E', HashAlgorithmName.SHA256, 256),
            "ES384" => ('E', HashAlgorithmName.SHA384, 384),
            "ES512" => ('E', HashAlgorithmName.SHA512, 521),
            "PS256" or "RS256" => (algorithm[0], HashAlgorithmName.SHA256, 0),
            "PS384" or "RS384" => (algorithm[0], HashAlgorithmName.SHA384, 0),
            "PS512" or "RS512" => (algorithm[0], HashAlgorithmName.SHA512, 0),
            _ => null,
        };
        if (scheme is null)
        {
            report.Fail("signature", SignatureStatus.NotVerified, "unsupported_algorithm", context.Offset(seal.Algorithm.Start),
                $"Signature algorithm {algorithm} is not one of ES256, ES384, ES512, PS256…512, RS256…512.");
            return;
        }

        if (!TryBase64(seal.Signature, "sig.sigvl", out var signature))
        {
            report.Fail("signature", SignatureStatus.Invalid, "bad_base64", offset, "The signature value (sig.sigvl) is not base64url.");
            return;
        }

        var signed = JsonCanonicalizer.Canonicalize(seal.Data, out var error);
        if (signed is null)
        {
            report.Fail("signature", SignatureStatus.NotVerified, "not_canonicalizable", context.Offset(seal.Data.Start), error);
            return;
        }

        try
        {
            var (family, hash, bits) = scheme.Value;
            var outcome = family == 'E' ? VerifyEcdsa(certificate, signed, signature, hash, bits, out error) : VerifyRsa(certificate, signed, signature, hash, family, out error);
            if (outcome is null)
            {
                report.Fail("signature", SignatureStatus.Invalid, "algorithm_key_mismatch", offset, error);
            }
            else if (outcome.Value)
            {
                report.Pass("signature", $"{algorithm} signature over the canonical data ({signed.Length} bytes) holds.");
            }
            else
            {
                report.Fail("signature", SignatureStatus.Invalid, "signature_invalid", offset,
                    "The signature does not match the canonical data under the certificate's key: the seal was altered.");
            }
        }
        catch (CryptographicException e)
        {
            report.NotVerified("signature", $"This platform cannot verify {algorithm}: {e.Message}");
        }
    }

    /// <summary>True or false for a verification made; null (with the reason) when key and algorithm do not fit.</summary>
    private static bool? VerifyEcdsa(X509Certificate2 certificate, byte[] data, byte[] signature, HashAlgorithmName hash, int bits, out string error)
    {
        error = "";
        using var key = certificate.GetECDsaPublicKey();
        if (key is null || key.KeySize != bits)
        {
            error = key is null ? "The algorithm is ECDSA but the certificate holds no EC key." : $"The algorithm needs a {bits}-bit curve; the certificate's is {key.KeySize}-bit.";
            return null;
        }

        if (signature.Length != SealCrypto.SignatureLength(bits))
        {
            error = $"The signature has {signature.Length} bytes; r‖s for a {bits}-bit curve has {SealCrypto.SignatureLength(bits)}.";
            return null;
        }

        return SealCrypto.VerifyEcdsa(key, data, signature, hash);
    }

    private static bool? VerifyRsa(X509Certificate2 certificate, byte[] data, byte[] signature, HashAlgorithmName hash, char family, out string error)
    {
        error = "";
        using var key = certificate.GetRSAPublicKey();
        if (key is null)
        {
            error = "The algorithm is RSA but the certificate holds no RSA key.";
            return null;
        }

        return key.VerifyData(data, signature, hash, family == 'P' ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1);
    }

    private bool TryBase64(JsonNode node, string member, out byte[] bytes)
    {
        if (!Base64Url.TryDecode(node.Text, out bytes, out _, out var standardAlphabet))
        {
            return false;
        }

        if (standardAlphabet)
        {
            context.Result.Deviation("base64_standard_alphabet", context.Offset(node.Start),
                $"{member} uses the standard base64 alphabet ('+', '/') instead of base64url; decoded anyway.");
        }

        return true;
    }
}
