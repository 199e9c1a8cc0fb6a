using System.Formats.Asn1;
using System.Security.Cryptography;
using Gateway.Emrtd.Internal;
using Gateway.Emrtd.Internal.Crypto;
using Gateway.Emrtd.Internal.Lds;

namespace Gateway.Emrtd.Tests.Lds;

/// <summary>DG14's chip authentication offer (Doc 9303 Part 11 §9.2.5–9.2.6), from DG14s built here.</summary>
public sealed class ChipAuthenticationKeyTests
{
    private const string CaEcdhAes256 = "0.4.0.127.0.7.2.2.3.2.4";
    private const string CaDh3Des = "0.4.0.127.0.7.2.2.3.1.1";
    private const string PkDh = "0.4.0.127.0.7.2.2.1.1";

    [Fact]
    public void FromDg14_EcdhKeyAndProtocolWithKeyIds_PicksTheMatchingPair()
    {
        using var first = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        using var second = ECDiffieHellman.Create(ECCurve.NamedCurves.brainpoolP256r1);
        var dg14 = Dg14(
            ("key", ChipAuthenticationKey.PkEcdh, first.ExportSubjectPublicKeyInfo(), 1),
            ("key", ChipAuthenticationKey.PkEcdh, second.ExportSubjectPublicKeyInfo(), 2),
            ("protocol", CaEcdhAes256, null, 2));

        var offer = ChipAuthenticationKey.FromDg14(dg14, out _);

        Assert.NotNull(offer);
        Assert.Equal(CaEcdhAes256, offer.Protocol);
        Assert.Equal(CipherKind.Aes256, offer.Cipher);
        Assert.Equal(2, offer.KeyId);
        Assert.Equal(second.ExportSubjectPublicKeyInfo(), offer.PublicKeyInfo);
    }

    [Fact]
    public void FromDg14_WithADomainParameterInfo_SkipsIt()
    {
        using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.brainpoolP256r1);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            // ChipAuthenticationDomainParameterInfo: id-CA-ECDH, then an AlgorithmIdentifier (not a version).
            writer.WriteObjectIdentifier("0.4.0.127.0.7.2.2.3.2");
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("0.4.0.127.0.7.1.2");
                writer.WriteInteger(13);
            }
        }

        var dg14 = Dg14(writer.Encode(), ("key", ChipAuthenticationKey.PkEcdh, key.ExportSubjectPublicKeyInfo(), null), ("protocol", CaEcdhAes256, null, null));

        Assert.Equal(CipherKind.Aes256, ChipAuthenticationKey.FromDg14(dg14, out _)!.Cipher);
    }

    [Fact]
    public void FromDg14_KeyWithoutChipAuthenticationInfo_Means3Des()
    {
        using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

        var offer = ChipAuthenticationKey.FromDg14(Dg14(("key", ChipAuthenticationKey.PkEcdh, key.ExportSubjectPublicKeyInfo(), null)), out _);

        Assert.Equal(CipherKind.TripleDes, offer!.Cipher);
        Assert.Equal(ChipAuthenticationKey.CaEcdhPrefix + "1", offer.Protocol);
    }

    [Fact]
    public void FromDg14_DhOnly_IsNotOfferedAndNamesWhatIs()
    {
        using var rsa = RSA.Create(1024);
        var dg14 = Dg14(("key", PkDh, rsa.ExportSubjectPublicKeyInfo(), null), ("protocol", CaDh3Des, null, null));

        Assert.Null(ChipAuthenticationKey.FromDg14(dg14, out var offered));
        Assert.Equal($"{CaDh3Des}, {PkDh}", offered);
    }

    [Fact]
    public void FromDg14_NotDg14_Throws()
    {
        Assert.Throws<AsnContentException>(() => ChipAuthenticationKey.FromDg14(Tlv.Encode(0x6F, [0x31, 0x00]), out _));
    }

    private static byte[] Dg14(params (string Kind, string Oid, byte[]? Spki, int? KeyId)[] infos) => Dg14(null, infos);

    private static byte[] Dg14(byte[]? extra, params (string Kind, string Oid, byte[]? Spki, int? KeyId)[] infos)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSetOf())
        {
            if (extra is not null)
            {
                writer.WriteEncodedValue(extra);
            }

            foreach (var (kind, oid, spki, keyId) in infos)
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(oid);
                    if (kind == "key")
                    {
                        writer.WriteEncodedValue(spki);
                    }
                    else
                    {
                        writer.WriteInteger(1);
                    }

                    if (keyId is { } id)
                    {
                        writer.WriteInteger(id);
                    }
                }
            }
        }

        return Tlv.Encode(0x6E, writer.Encode());
    }
}
