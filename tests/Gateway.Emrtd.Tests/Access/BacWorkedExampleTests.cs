using Gateway.Emrtd.Internal;
using Gateway.Emrtd.Internal.Crypto;

namespace Gateway.Emrtd.Tests.Access;

/// <summary>
/// ICAO Doc 9303 Part 11 (8th edition), Appendix D "Worked example: Basic Access Control": key derivation from the MRZ
/// information, mutual authentication, and secure messaging of SELECT EF.COM and two READ BINARY commands. Every value
/// below is printed in that appendix.
/// </summary>
public sealed class BacWorkedExampleTests
{
    private static readonly MrzAccessKey Key = new("L898902C", "690806", "940623");

    [Fact]
    public void MrzInformation_DocumentNumberShorterThanNine_IsPaddedWithFillerAndCheckDigits()
    {
        Assert.Equal("L898902C<369080619406236", Key.MrzInformation);
    }

    [Fact]
    public void KeyDerivation_FromMrzInformation_GivesTheAppendixKeys()
    {
        var seed = Key.BacSeed();
        Assert.Equal("239AB9CB282DAF66231DC5A4DF6BFBAE", Convert.ToHexString(seed));
        Assert.Equal("AB94FDECF2674FDFB9B391F85D7F76F2", Convert.ToHexString(Kdf.Derive(seed, Kdf.Encryption, CipherKind.TripleDes)));
        Assert.Equal("7962D9ECE03D1ACD4C76089DCE131543", Convert.ToHexString(Kdf.Derive(seed, Kdf.Mac, CipherKind.TripleDes)));
    }

    [Fact]
    public async Task MutualAuthenticationAndSecureMessaging_ReproduceTheAppendixByteForByte()
    {
        var channel = new ScriptedChannel(
            ("0084000008", "4608F919887022129000"),
            ("008200002872C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A728",
                "46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D74499000"),
            ("0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800", "990290008E08FA855A5D4C50A8ED9000"),
            ("0CB000000D9701048E08ED6705417E96BA5500", "8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000"),
            ("0CB000040D9701128E082EA28A70F3C7B53500",
                "871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000"));
        var session = new CardSession(channel);

        var sm = await Bac.AuthenticateAsync(session, Key, CancellationToken.None,
            Convert.FromHexString("781723860C06C226"), Convert.FromHexString("0B795240CB7049B01C19B33E32804F0B"));
        Assert.Equal("887022120C06C226", Convert.ToHexString(sm.Ssc));
        session.Secure(sm);

        Assert.True(await session.TrySelectAsync(0x011E, CancellationToken.None));
        Assert.Equal("60145F01", Convert.ToHexString(await session.ReadBinaryAsync(0, 4, CancellationToken.None)));
        Assert.Equal("04303130365F36063034303030305C026175", Convert.ToHexString(await session.ReadBinaryAsync(4, 0x12, CancellationToken.None)));
        Assert.Equal("887022120C06C22C", Convert.ToHexString(sm.Ssc));
    }

    [Fact]
    public async Task ProtectedResponse_WithOneBitFlippedInItsData_IsRejectedAsSecureMessagingError()
    {
        var channel = new ScriptedChannel(
            ("0084000008", "4608F919887022129000"),
            ("*", "46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D74499000"),
            ("*", "990290008E08FA855A5D4C50A8ED9000"),
            ("*", "8709019FF0EC34F9922650990290008E08AD55CC17140B2DED9000"));
        var session = new CardSession(channel);
        session.Secure(await Bac.AuthenticateAsync(session, Key, CancellationToken.None,
            Convert.FromHexString("781723860C06C226"), Convert.FromHexString("0B795240CB7049B01C19B33E32804F0B")));
        await session.TrySelectAsync(0x011E, CancellationToken.None);

        var error = await Assert.ThrowsAsync<ChipException>(() => session.ReadBinaryAsync(0, 4, CancellationToken.None));
        Assert.Equal(ChipErrorKind.SecureMessaging, error.Kind);
    }

    [Fact]
    public async Task MutualAuthentication_ChipRefusesTheKey_ReportsAccessDenied()
    {
        var channel = new ScriptedChannel(("0084000008", "4608F919887022129000"), ("*", "6300"));

        var error = await Assert.ThrowsAsync<ChipException>(() => Bac.AuthenticateAsync(new CardSession(channel), Key, CancellationToken.None));

        Assert.Equal(ChipErrorKind.AccessDenied, error.Kind);
    }
}
