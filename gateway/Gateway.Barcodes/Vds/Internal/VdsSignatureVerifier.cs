using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Barcodes.Seals;
using Gateway.Barcodes.Seals.Internal;

namespace Gateway.Barcodes.Vds.Internal;

/// <summary>
/// Verifies a seal's signature against the trust store: finds the signer certificate named by the header, checks the
/// ECDSA signature (r‖s, hash chosen by the key size) over header and message zone, the certificate's validity at the
/// signature creation date, and its chain to a trusted CSCA. Checks: <c>vds.signer_certificate</c>,
/// <c>vds.signature</c>, <c>vds.certificate_validity</c>, <c>vds.certificate_chain</c>.
/// </summary>
internal sealed class VdsSignatureVerifier(VdsContext context, VdsHeader header, TrustStore? store)
{
    private const int SignerOffset = 4;

    public SealSignature Verify(SignatureZone? zone)
    {
        var report = new SignatureReport(context.Result, "vds")
        {
            CertificateReference = $"{header.SignerIdentifier} {header.CertificateReference}",
            ClaimedCountry = header.SignerIdentifier[..Math.Min(2, header.SignerIdentifier.Length)],
            SignedAt = header.SignatureDate,
        };
        if (store is null)
        {
            report.NotVerified("signer_certificate", "No trust store is configured, so the signer certificate cannot be looked up.");
            report.NotVerified("signature", "No signer certificate to verify the signature with.");
            return report.Build();
        }

        var signer = FindSigner(store);
        if (signer is null)
        {
            report.NotVerified("signer_certificate",
                $"No certificate for signer {header.SignerIdentifier} with reference {header.CertificateReference} is in the trust store "
                + $"({store.Signers.Count} signer certificate(s)).");
            report.NotVerified("signature", "No signer certificate to verify the signature with.");
            return report.Build();
        }

        report.Signer = signer;
        report.Pass("signer_certificate", $"Signer certificate {signer.Subject}, serial {CertificateNames.SerialHex(signer)}.");
        VerifySignature(report, signer, zone);
        if (header.SignatureDate is { } date)
        {
            report.CheckTrust(signer, store, date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), wholeDay: true,
                $"on the signature date {date:yyyy-MM-dd}", SignerOffset);
        }
        else
        {
            report.NotVerified("certificate_validity", "The signature creation date does not decode, so validity cannot be judged.");
        }

        return report.Build();
    }

    /// <summary>
    /// The signer certificate: subject country (C) followed by common name (CN) equal to the signer identifier, and serial
    /// number equal to the certificate reference read as hex, leading zeros ignored (BSI TR-03137: reference = serial
    /// number; e.g. DETS + 00027 → C=DE, CN=TS, serial 0x27). A 40-digit reference may instead be the certificate's SHA-1
    /// thumbprint (BSI TR-03171 seals). Among several matches, one valid on the signature date wins.
    /// </summary>
    private X509Certificate2? FindSigner(TrustStore store)
    {
        var reference = CertificateNames.TrimHex(header.CertificateReference);
        var matches = store.Signers.Where(c =>
                string.Equals(CertificateNames.Country(c) + CertificateNames.CommonName(c), header.SignerIdentifier, StringComparison.OrdinalIgnoreCase)
                && (CertificateNames.SerialHex(c) == reference
                    || (header.CertificateReference.Length == 40
                        && string.Equals(c.Thumbprint, header.CertificateReference, StringComparison.OrdinalIgnoreCase))))
            .ToList();
        if (header.SignatureDate is { } date)
        {
            var at = date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
            return matches.Find(c => CertificateTrust.IsValidOn(c, at)) ?? matches.FirstOrDefault();
        }

        return matches.FirstOrDefault();
    }

    private void VerifySignature(SignatureReport report, X509Certificate2 signer, SignatureZone? zone)
    {
        ECDsa? key;
        try
        {
            key = signer.GetECDsaPublicKey();
        }
        catch (CryptographicException e)
        {
            report.NotVerified("signature", $"The signer certificate's key cannot be used: {e.Message}");
            return;
        }

        if (key is null)
        {
            report.NotVerified("signature", "The signer certificate holds no ECDSA key; seals are signed with ECDSA.");
            return;
        }

        using (key)
        {
            var hash = SealCrypto.HashForKeySize(key.KeySize);
            var curve = SealCrypto.CurveName(key);
            report.Algorithm = $"ECDSA {curve} {SealCrypto.HashLabel(hash)}";
            if (zone is not { } z)
            {
                report.NotVerified("signature", "The seal has no readable signature zone.");
                return;
            }

            var expected = SealCrypto.SignatureLength(key.KeySize);
            if (z.ValueLength != expected)
            {
                report.Fail("signature", SignatureStatus.Invalid, "signature_length", z.ValueOffset,
                    $"The signature has {z.ValueLength} bytes; r‖s for {curve} has {expected}.");
                return;
            }

            try
            {
                var signed = context.Data.AsSpan(0, z.Start);
                var signature = context.Data.AsSpan(z.ValueOffset, z.ValueLength);
                if (SealCrypto.VerifyEcdsa(key, signed, signature, hash))
                {
                    report.Pass("signature", $"{report.Algorithm} signature over the {z.Start} bytes of header and message zone holds.");
                }
                else
                {
                    report.Fail("signature", SignatureStatus.Invalid, "signature_invalid", z.ValueOffset,
                        "The signature does not match header and message zone under the signer's key: the seal was altered or not signed by this signer.");
                }
            }
            catch (CryptographicException e)
            {
                report.NotVerified("signature", $"This platform cannot verify {report.Algorithm}: {e.Message}");
            }
        }
    }
}
