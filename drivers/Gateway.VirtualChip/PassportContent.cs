using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Gateway.Emrtd;
using Gateway.Emrtd.Internal;
using Gateway.Emrtd.Internal.Crypto;
using Gateway.Emrtd.Internal.Lds;
using Gateway.Mrz;

namespace Gateway.VirtualChip;

/// <summary>The files and keys of a virtual passport, built from a <see cref="PassportSpec"/> and a test PKI.</summary>
public sealed class PassportContent
{
    private PassportContent(PassportSpec spec, MrzAccessKey key, Dictionary<ushort, byte[]> files, AsymmetricAlgorithm? activeAuthenticationKey, ECDiffieHellman? chipAuthenticationKey)
    {
        ChipAuthenticationKey = chipAuthenticationKey;
        Spec = spec;
        Key = key;
        Files = files;
        ActiveAuthenticationKey = activeAuthenticationKey;
    }

    public PassportSpec Spec { get; }

    /// <summary>The MRZ access key the chip accepts.</summary>
    public MrzAccessKey Key { get; }

    /// <summary>Elementary files by file id.</summary>
    public IReadOnlyDictionary<ushort, byte[]> Files { get; }

    /// <summary>The key the chip signs INTERNAL AUTHENTICATE challenges with (not DG15's when it lies about it).</summary>
    public AsymmetricAlgorithm? ActiveAuthenticationKey { get; }

    /// <summary>The key the chip agrees chip authentication keys with (not DG14's when it lies about it).</summary>
    public ECDiffieHellman? ChipAuthenticationKey { get; }

    /// <summary>The DER content of the chip authentication protocol's OID (what MSE:Set AT names).</summary>
    internal byte[] ChipAuthenticationOidContent => OidContent(ChipAuthenticationOid(Spec.ChipAuthenticationCipher));

    /// <summary>Builds the passport: DG1 from the MRZ, DG2 a generated JPEG, DG11, DG15, EF.COM, EF.CardAccess, EF.SOD.</summary>
    /// <param name="spec">What to build.</param>
    /// <param name="pki">The PKI; its signer signs EF.SOD (unless the spec lies about it).</param>
    public static PassportContent Build(PassportSpec spec, TestPki pki)
    {
        var mrz = MrzParser.Parse(spec.Mrz);
        var key = MrzAccessKey.FromMrz(mrz) ?? throw new ArgumentException("The MRZ has no document number or dates.", nameof(spec));
        var groups = new SortedDictionary<int, byte[]>
        {
            [1] = Tlv.Encode(0x61, Tlv.Encode(0x5F1F, Encoding.ASCII.GetBytes(spec.Mrz.Replace("\n", string.Empty, StringComparison.Ordinal)))),
            [2] = FaceImage.Build(TestJpeg.Create(480, 600, spec.PortraitBytes), ChipImageFormat.Jpeg, 480, 600),
        };
        if (spec.AdditionalPersonalDetails)
        {
            var name = $"{mrz.Surname}<<{mrz.GivenNames?.Replace(' ', '<')}";
            groups[11] = Tlv.Encode(0x6B, [.. Tlv.Encode(0x5C, [0x5F, 0x0E]), .. Tlv.Encode(0x5F0E, Encoding.UTF8.GetBytes(name))]);
        }

        AsymmetricAlgorithm? chipKey = null;
        if (spec.ActiveAuthentication)
        {
            Func<AsymmetricAlgorithm> create = spec.ActiveAuthenticationKey == ActiveAuthenticationKeyKind.Rsa
                ? () => RSA.Create(spec.RsaKeyBits)
                : () => ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var aaKey = create();
            groups[15] = Tlv.Encode(0x6F, aaKey.ExportSubjectPublicKeyInfo());
            chipKey = spec.Lie == ChipLie.ClonedChip ? create() : aaKey;
        }

        ECDiffieHellman? caKey = null;
        if (spec.ChipAuthentication)
        {
            var dg14Key = ECDiffieHellman.Create(spec.ChipAuthenticationCurve);
            groups[14] = Dg14(spec, spec.ChipAuthenticationExplicitParameters ? ExplicitSubjectPublicKeyInfo(dg14Key) : dg14Key.ExportSubjectPublicKeyInfo());
            caKey = spec.Lie == ChipLie.ClonedChipAuthenticationKey ? ECDiffieHellman.Create(spec.ChipAuthenticationCurve) : dg14Key;
        }

        var hashes = groups.ToDictionary(g => g.Key, g => SHA256.HashData(g.Value));
        var sod = Tlv.Encode(0x77, Sign(SecurityObject.EncodeContent(HashAlgorithmName.SHA256, hashes), pki, spec.Lie));

        if (spec.Lie == ChipLie.TamperedDg1)
        {
            groups[1] = Tamper(groups[1], Encoding.ASCII.GetBytes(mrz.Surname ?? "X"));
        }
        else if (spec.Lie == ChipLie.TamperedDg2)
        {
            groups[2] = Tamper(groups[2], [0xFF, 0xDA]);
        }

        var files = groups.ToDictionary(g => LdsFile.DataGroupFileId(g.Key), g => g.Value);
        files[LdsFile.Com] = Tlv.Encode(0x60, [.. Tlv.Encode(0x5F01, "0107"u8), .. Tlv.Encode(0x5F36, "040000"u8),
            .. Tlv.Encode(0x5C, groups.Keys.Select(n => (byte)LdsFile.DataGroupTag(n)).ToArray())]);
        files[LdsFile.Sod] = sod;
        if (spec.Pace)
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSetOf())
            {
                writer.WriteEncodedValue(new PaceInfo(PaceAlgorithm.EcdhGenericMapping(spec.PaceCipher), 2, spec.PaceParameterId).Encode());
            }

            files[LdsFile.CardAccess] = writer.Encode();
        }

        return new PassportContent(spec, key, files, chipKey, caKey);
    }

    /// <summary>The chip's answer to INTERNAL AUTHENTICATE (of another challenge when it replays an old answer).</summary>
    /// <param name="challenge">The terminal's challenge.</param>
    public byte[] SignChallenge(byte[] challenge)
    {
        var signed = Spec.Lie == ChipLie.ReplayedAaSignature ? RandomNumberGenerator.GetBytes(challenge.Length) : challenge;
        return ActiveAuthenticationKey switch
        {
            RSA rsa => Iso9796Signer.Sign(rsa.ExportParameters(includePrivateParameters: true), signed, Spec.RsaHash),
            ECDsa ecdsa => ecdsa.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
            _ => throw new InvalidOperationException("The chip has no active authentication key."),
        };
    }

    /// <summary>DG14: the ChipAuthenticationPublicKeyInfo and the ChipAuthenticationInfo (Doc 9303 Part 11 §9.2.5–9.2.6).</summary>
    private static byte[] Dg14(PassportSpec spec, byte[] spki)
    {
        if (spec.ChipAuthenticationKeyLabelledPkEcdh)
        {
            var outer = new AsnReader(spki, AsnEncodingRules.DER).ReadSequence();
            var algorithm = outer.ReadSequence();
            algorithm.ReadObjectIdentifier();
            var relabelled = new AsnWriter(AsnEncodingRules.DER);
            using (relabelled.PushSequence())
            {
                using (relabelled.PushSequence())
                {
                    relabelled.WriteObjectIdentifier(Gateway.Emrtd.Internal.Lds.ChipAuthenticationKey.PkEcdh);
                    relabelled.WriteEncodedValue(algorithm.ReadEncodedValue().Span);
                }

                relabelled.WriteEncodedValue(outer.ReadEncodedValue().Span);
            }

            spki = relabelled.Encode();
        }

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSetOf())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(Gateway.Emrtd.Internal.Lds.ChipAuthenticationKey.PkEcdh);
                writer.WriteEncodedValue(spki);
                if (spec.ChipAuthenticationKeyId is { } id)
                {
                    writer.WriteInteger(id);
                }
            }

            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(ChipAuthenticationOid(spec.ChipAuthenticationCipher));
                writer.WriteInteger(1);
                if (spec.ChipAuthenticationKeyId is { } id)
                {
                    writer.WriteInteger(id);
                }
            }
        }

        return Tlv.Encode(0x6E, writer.Encode());
    }

    /// <summary>The key with its curve spelled out (RFC 3279 specifiedCurve), as many issued chips write DG14.</summary>
    private static byte[] ExplicitSubjectPublicKeyInfo(ECDiffieHellman key)
    {
        var parameters = key.ExportExplicitParameters(includePrivateParameters: false);
        var curve = parameters.Curve;
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("1.2.840.10045.2.1");
                using (writer.PushSequence())
                {
                    writer.WriteInteger(1);
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier("1.2.840.10045.1.1");
                        writer.WriteIntegerUnsigned(curve.Prime);
                    }

                    using (writer.PushSequence())
                    {
                        writer.WriteOctetString(curve.A);
                        writer.WriteOctetString(curve.B);
                    }

                    writer.WriteOctetString([0x04, .. curve.G.X!, .. curve.G.Y!]);
                    writer.WriteIntegerUnsigned(curve.Order);
                    writer.WriteIntegerUnsigned(curve.Cofactor);
                }
            }

            writer.WriteBitString([0x04, .. parameters.Q.X!, .. parameters.Q.Y!]);
        }

        return writer.Encode();
    }

    private static string ChipAuthenticationOid(CipherKind cipher) => Gateway.Emrtd.Internal.Lds.ChipAuthenticationKey.CaEcdhPrefix + (cipher switch
    {
        CipherKind.TripleDes => "1",
        CipherKind.Aes128 => "2",
        CipherKind.Aes192 => "3",
        _ => "4",
    });

    private static byte[] OidContent(string oid)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteObjectIdentifier(oid);
        return writer.Encode()[2..];
    }

    private static byte[] Sign(byte[] content, TestPki pki, ChipLie lie)
    {
        var cms = new SignedCms(new ContentInfo(new Oid(SecurityObject.LdsSecurityObjectOid), content), detached: false);
        X509Certificate2 signer = pki.Signer;
        X509Certificate2? rogue = null;
        if (lie == ChipLie.UnknownCsca)
        {
            // The same clock as the real PKI's: the rogue chain differs only in who signed it.
            using var rogueCsca = TestPki.CreateCsca(pki.CreatedAt, "CN=Rogue Test CSCA,O=Gateway Test PKI,C=UT");
            signer = rogue = TestPki.CreateSigner(rogueCsca, pki.CreatedAt);
        }
        else if (lie == ChipLie.ExpiredSigner)
        {
            signer = rogue = TestPki.CreateSigner(pki.Csca, pki.CreatedAt, expired: true);
        }

        var cmsSigner = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, signer)
        {
            IncludeOption = X509IncludeOption.EndCertOnly,
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
        };
        cms.ComputeSignature(cmsSigner);
        rogue?.Dispose();
        var encoded = cms.Encode();
        if (lie == ChipLie.WrongSodSignature)
        {
            // The signature's last byte (inside the ECDSA s value) changed: still DER, no longer valid.
            var signature = cms.SignerInfos[0].GetSignature();
            encoded[encoded.AsSpan().IndexOf(signature) + signature.Length - 1] ^= 0x01;
        }

        return encoded;
    }

    /// <summary>Changes the second byte of the first occurrence of <paramref name="marker"/>.</summary>
    private static byte[] Tamper(byte[] file, byte[] marker)
    {
        var copy = (byte[])file.Clone();
        var at = copy.AsSpan().IndexOf(marker);
        var position = at >= 0 ? Math.Min(at + 1, copy.Length - 1) : copy.Length - 1;
        copy[position] ^= 0x01;
        return copy;
    }
}
