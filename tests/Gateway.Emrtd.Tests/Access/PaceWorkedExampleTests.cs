using System.Numerics;
using Gateway.Emrtd.Internal;
using Gateway.Emrtd.Internal.Crypto;

namespace Gateway.Emrtd.Tests.Access;

/// <summary>
/// ICAO Doc 9303 Part 11 (8th edition), Appendix G.1 "PACE worked example — ECDH, Generic Mapping"
/// (id-PACE-ECDH-GM-AES-CBC-CMAC-128, brainpoolP256r1, MRZ "T22000129" 640812 101031): every intermediate value and every
/// APDU of the appendix, with the terminal's private keys of the example.
/// </summary>
public sealed class PaceWorkedExampleTests
{
    private static readonly MrzAccessKey Key = new("T22000129", "640812", "101031");
    private const string TerminalMapKey = "7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99";
    private const string TerminalEphemeralKey = "A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595";

    [Fact]
    public void PasswordKey_FromMrz_IsTheAppendixKpi()
    {
        Assert.Equal("7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD", Convert.ToHexString(Key.PaceSecret()));
        Assert.Equal("89DED1B26624EC1E634C1989302849DD", Convert.ToHexString(Key.PacePasswordKey(CipherKind.Aes128)));
    }

    [Fact]
    public void CardAccess_OfTheAppendix_ParsesToEcdhGenericMappingAes128OnBrainpoolP256()
    {
        var infos = PaceInfo.ParseCardAccess(Convert.FromHexString("31143012060A04007F0007020204020202010202010D"));

        var info = Assert.Single(infos);
        Assert.Equal("0.4.0.127.0.7.2.2.4.2.2", info.Oid);
        Assert.Equal(13, info.ParameterId);
        Assert.True(info.Algorithm.IsSupported);
        Assert.Equal(CipherKind.Aes128, info.Algorithm.Cipher);
    }

    [Fact]
    public void Mapping_WithTheAppendixKeysAndNonce_GivesTheAppendixGenerator()
    {
        var curve = EcCurve.FromNamed(System.Security.Cryptography.ECCurve.NamedCurves.brainpoolP256r1);
        var chipMap = curve.Decode(Convert.FromHexString(
            "04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F5730D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54"))!.Value;
        var h = curve.Multiply(Scalar(TerminalMapKey), chipMap);
        Assert.Equal("60332EF2450B5D247EF6D3868397D398852ED6E8CAF6FFEEF6BF85CA57057FD5", Convert.ToHexString(curve.ToBytes(h.X)));
        Assert.Equal("0840CA7415BAF3E43BD414D35AA4608B93A2CAF3A4E3EA4E82C9C13D03EB7181", Convert.ToHexString(curve.ToBytes(h.Y)));

        var mapped = curve.Add(curve.Multiply(Scalar("3F00C4D39D153F2B2A214A078D899B22"), curve.G), h);

        Assert.Equal("8CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E2", Convert.ToHexString(curve.ToBytes(mapped.X)));
        Assert.Equal("8C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522", Convert.ToHexString(curve.ToBytes(mapped.Y)));
    }

    [Fact]
    public async Task Pace_AgainstTheAppendixChip_SendsTheAppendixCommandsAndDerivesItsSessionKeys()
    {
        var channel = new ScriptedChannel(
            ("0022C1A40F800A04007F00070202040202830101", "9000"),
            ("10860000027C0000", "7C12801095A3A016522EE98D01E76CB6B98B42C39000"),
            ("10860000457C438141047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D00",
                "7C43824104824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F5730D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C549000"),
            ("10860000457C438341042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB3646200",
                "7C438441049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F0949000"),
            ("008600000C7C0A8508C2B0BD78D94BA86600", "7C0A86083ABB9674BCE93C089000"));
        var keys = new Queue<BigInteger>([Scalar(TerminalMapKey), Scalar(TerminalEphemeralKey)]);

        var sm = await Pace.AuthenticateAsync(new CardSession(channel), Key, new PaceInfo("0.4.0.127.0.7.2.2.4.2.2", 2, 13), CancellationToken.None, keys.Dequeue);

        Assert.Equal(CipherKind.Aes128, sm.Kind);
        Assert.Equal(new byte[16], sm.Ssc.ToArray());
        var expected = new SmCipher(CipherKind.Aes128, Convert.FromHexString("F5F0E35C0D7161EE6724EE513A0D9A7F"), Convert.FromHexString("FE251C7858B356B24514B3BD5F4297D1"));
        var shared = Convert.FromHexString("28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925");
        var derived = SmCipher.FromSecret(CipherKind.Aes128, shared);
        Assert.Equal(expected.Mac(new byte[16]), derived.Mac(new byte[16]));
        Assert.Equal(expected.Encrypt(new byte[16], new byte[16]), derived.Encrypt(new byte[16], new byte[16]));
    }

    [Fact]
    public async Task Pace_ChipTokenWrong_IsRejected()
    {
        var channel = new ScriptedChannel(
            ("*", "9000"),
            ("*", "7C12801095A3A016522EE98D01E76CB6B98B42C39000"),
            ("*", "7C43824104824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F5730D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C549000"),
            ("*", "7C438441049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F0949000"),
            ("*", "7C0A86083ABB9674BCE93C099000"));
        var keys = new Queue<BigInteger>([Scalar(TerminalMapKey), Scalar(TerminalEphemeralKey)]);

        var error = await Assert.ThrowsAsync<ChipException>(() =>
            Pace.AuthenticateAsync(new CardSession(channel), Key, new PaceInfo("0.4.0.127.0.7.2.2.4.2.2", 2, 13), CancellationToken.None, keys.Dequeue));

        Assert.Equal(ChipErrorKind.AccessDenied, error.Kind);
    }

    private static BigInteger Scalar(string hex) => EcCurve.ToInt(Convert.FromHexString(hex));
}
