using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using Gateway.Emrtd.Internal;
using Gateway.Emrtd.Internal.Crypto;
using Gateway.VirtualChip;

namespace Gateway.Emrtd.Tests.Crypto;

/// <summary>ISO/IEC 9796-2 scheme 1 verification, against the standard's example and signatures made by the virtual chip's signer.</summary>
public sealed class Iso9796SignatureTests
{
    private static readonly byte[] Challenge = Convert.FromHexString("4608F91988702212");

    /// <summary>
    /// ISO/IEC 9796-2 (first edition), scheme 1 example with partial recovery: 640-bit modulus, e = 3, RIPEMD-160 with the
    /// implicit trailer BC, message FEDCBA9876543210 fourteen times (112 bytes). Values as reproduced in the Bouncy Castle test
    /// suite (ISO9796Test, mod3/msg5/sig5). RIPEMD-160 is not offered by .NET and Doc 9303 reads BC as SHA-1, so the
    /// example shows recovery (header, M1, trailer) and ends in a hash mismatch.
    /// </summary>
    [Fact]
    public void Verify_StandardExample_RecoversM1AndTrailer()
    {
        var key = new RSAParameters
        {
            Modulus = Convert.FromHexString("FFFFFFFF78F6C55506C59785E871211EE120B0B5DD644AA796D82413A47B24573F1BE5745B5CD9950F6B389B52350D4E01E90009669A8720BF265A2865994190A661DEA3C7828E2E7CA1B19651ADC2D5"),
            Exponent = [0x03],
        };
        var signature = Convert.FromHexString("5CF9A01854DBACAEC83AAE8EFC563D74538192E95466BABACD361D7C86000FE42DCB4581E48E4FEB862D04698DA9203B1803B262105104D510B365EE9C660857BA1C001AA57ABFD1C8DE92E47C275CAE");
        var message = Enumerable.Repeat(Convert.FromHexString("FEDCBA9876543210"), 14).SelectMany(b => b).ToArray();

        var result = Iso9796Signature.Verify(key, signature, message.AsSpan(58));

        Assert.Equal(Iso9796Outcome.HashMismatch, result.Outcome);
        Assert.Equal((byte)0x6A, result.Header);
        Assert.Equal("BC", result.Trailer);
        Assert.Equal(message[..58], result.M1);
    }

    [Theory]
    [InlineData(1024, "SHA1")]
    [InlineData(1024, "SHA256")]
    [InlineData(2048, "SHA1")]
    [InlineData(2048, "SHA256")]
    [InlineData(2048, "SHA512")]
    [InlineData(3072, "SHA384")]
    public void Verify_ChipSignatureOfTheChallenge_IsValid(int bits, string hash)
    {
        var key = Key(bits);

        var result = Iso9796Signature.Verify(Public(key), Iso9796Signer.Sign(key, Challenge, new HashAlgorithmName(hash)), Challenge);

        Assert.Equal(Iso9796Outcome.Valid, result.Outcome);
        Assert.Equal(hash, result.Hash?.Name);
        Assert.Equal(bits / 8 - 1 - HashLength(hash) - (hash == "SHA1" ? 1 : 2), result.M1!.Length);
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(2048)]
    public void Verify_SignatureOfAnotherChallenge_IsAHashMismatch(int bits)
    {
        var key = Key(bits);
        var signature = Iso9796Signer.Sign(key, Challenge, HashAlgorithmName.SHA1);
        var other = (byte[])Challenge.Clone();
        other[7] ^= 0x01;

        Assert.Equal(Iso9796Outcome.HashMismatch, Iso9796Signature.Verify(Public(key), signature, other).Outcome);
    }

    [Theory]
    [InlineData(0x4A)]
    [InlineData(0x6B)]
    public void Verify_WrongHeader_IsRejected(byte header)
    {
        var key = Key(1024);
        var block = Iso9796Signer.EncodeBlock(128, Challenge, HashAlgorithmName.SHA1);
        block[0] = header;

        var result = Iso9796Signature.Verify(Public(key), Iso9796Signer.SignBlock(key, block), Challenge);

        Assert.Equal(Iso9796Outcome.WrongHeader, result.Outcome);
        Assert.Equal(header, result.Header);
    }

    [Theory]
    [InlineData("BD")]
    [InlineData("99CC")]
    [InlineData("34BC")]
    public void Verify_WrongTrailer_IsRejected(string trailer)
    {
        var key = Key(1024);
        var block = Iso9796Signer.EncodeBlock(128, Challenge, HashAlgorithmName.SHA256);
        var bytes = Convert.FromHexString(trailer);
        bytes.CopyTo(block.AsSpan(block.Length - bytes.Length));

        var result = Iso9796Signature.Verify(Public(key), Iso9796Signer.SignBlock(key, block), Challenge);

        Assert.Equal(trailer == "34BC" ? Iso9796Outcome.HashMismatch : Iso9796Outcome.WrongTrailer, result.Outcome);
    }

    [Fact]
    public void Verify_TrailerNamingRipemd160_IsUnsupportedNotFailed()
    {
        var key = Key(1024);
        var block = Iso9796Signer.EncodeBlock(128, Challenge, HashAlgorithmName.SHA256);
        block[^2] = 0x31;

        var result = Iso9796Signature.Verify(Public(key), Iso9796Signer.SignBlock(key, block), Challenge);

        Assert.Equal(Iso9796Outcome.UnsupportedHash, result.Outcome);
        Assert.Equal("31CC", result.Trailer);
    }

    [Fact]
    public void Verify_SignatureByAnotherKey_IsNotValid()
    {
        var key = Key(1024);
        var signature = Iso9796Signer.Sign(Key(1024), Challenge, HashAlgorithmName.SHA1);

        Assert.NotEqual(Iso9796Outcome.Valid, Iso9796Signature.Verify(Public(key), signature, Challenge).Outcome);
    }

    [Fact]
    public void Verify_SignatureNotBelowTheModulus_IsOutOfRange()
    {
        var key = Key(1024);
        var modulusPlusOne = (new BigInteger(key.Modulus, isUnsigned: true, isBigEndian: true) + 1).ToByteArray(isUnsigned: true, isBigEndian: true);

        Assert.Equal(Iso9796Outcome.OutOfRange, Iso9796Signature.Verify(Public(key), key.Modulus!, Challenge).Outcome);
        Assert.Equal(Iso9796Outcome.OutOfRange, Iso9796Signature.Verify(Public(key), modulusPlusOne, Challenge).Outcome);
    }

    [Fact]
    public void ActiveAuthenticationCheck_SaysWhatWasVerifiedAndWhyItFailed_InEnglishAndFrench()
    {
        var key = Key(1024);
        var signature = Iso9796Signer.Sign(key, Challenge, HashAlgorithmName.SHA256);
        var english = CultureInfo.GetCultureInfo("en");
        var french = CultureInfo.GetCultureInfo("fr");

        var passed = ActiveAuthentication.VerifyRsa(Public(key), signature, Challenge, english);
        var failed = ActiveAuthentication.VerifyRsa(Public(key), signature, new byte[8], french);

        Assert.Equal(ChipCheckStatus.Passed, passed.Status);
        Assert.Equal("The chip signed a fresh challenge with DG15's key (RSA 1024 bits, ISO/IEC 9796-2, SHA256).", passed.Detail);
        Assert.Equal(ChipCheckStatus.Failed, failed.Status);
        Assert.StartsWith("L'empreinte SHA256 contenue dans la signature de la puce n'est pas celle du défi", failed.Detail, StringComparison.Ordinal);
    }

    private static RSAParameters Key(int bits)
    {
        using var rsa = RSA.Create(bits);
        return rsa.ExportParameters(includePrivateParameters: true);
    }

    private static RSAParameters Public(RSAParameters key) => new() { Modulus = key.Modulus, Exponent = key.Exponent };

    private static int HashLength(string hash) => hash switch { "SHA1" => 20, "SHA256" => 32, "SHA384" => 48, _ => 64 };
}
