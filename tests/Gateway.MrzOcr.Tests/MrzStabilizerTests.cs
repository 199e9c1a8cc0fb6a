using Gateway.Mrz;

namespace Gateway.MrzOcr.Tests;

public sealed class MrzStabilizerTests
{
    private const string Td3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
    private static readonly string OtherTd3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10".Replace("ANNA", "ANNE", StringComparison.Ordinal);

    [Fact]
    public void Offer_SameValidTextInConsecutiveFrames_AcceptsOnTheLast()
    {
        var stabilizer = new MrzStabilizer(3);

        Assert.Null(stabilizer.Offer(Read(Td3)));
        Assert.Null(stabilizer.Offer(Read(Td3)));
        var accepted = stabilizer.Offer(Read(Td3));

        Assert.NotNull(accepted);
        Assert.True(accepted.Valid);
    }

    [Fact]
    public void Offer_FrameWithoutValidRead_StartsAgain()
    {
        var stabilizer = new MrzStabilizer(2);

        stabilizer.Offer(Read(Td3));
        stabilizer.Offer(new MrzOcrResult { ErrorCode = "mrz.not_found" });

        Assert.Null(stabilizer.Offer(Read(Td3)));
        Assert.NotNull(stabilizer.Offer(Read(Td3)));
    }

    [Fact]
    public void Offer_DifferentText_StartsAgain()
    {
        var stabilizer = new MrzStabilizer(2);

        stabilizer.Offer(Read(Td3));
        Assert.Null(stabilizer.Offer(Read(OtherTd3)));
        Assert.Equal(1, stabilizer.Count);
    }

    [Fact]
    public void Offer_InvalidRead_IsNeverAccepted()
    {
        var stabilizer = new MrzStabilizer(1);
        var broken = Td3.Replace("7408122", "7408123", StringComparison.Ordinal);

        Assert.Null(stabilizer.Offer(Read(broken)));
    }

    [Fact]
    public void Create_WithZeroFrames_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MrzStabilizer(0));

    private static MrzOcrResult Read(string text) =>
        new() { Found = true, Mrz = MrzParser.Parse(text, MrzParseOptions.Default with { ReferenceDate = new DateOnly(2024, 1, 1) }) };
}
