using Gateway.Emrtd;
using Gateway.Mrz;
using Gateway.VirtualChip;

namespace Gateway.Drivers.Pcsc.Tests;

/// <summary>
/// End to end: the virtual passport inserted into vpcd, read through real pcscd and our P/Invoke layer by the eMRTD
/// library — the path a booth's contactless reader takes.
/// </summary>
[Collection(PcscdCollection.Name)]
public sealed class ChipOverPcscTests(PcscdFixture pcscd) : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly TestPki _pki = TestPki.Create(DateTimeOffset.UtcNow);

    public void Dispose() => _pki.Dispose();

    [Fact]
    public void ListReaders_ShowsVpcdsReader()
    {
        using var context = PcscContext.Establish();

        Assert.Contains(pcscd.Reader, context.ListReaders());
    }

    [Fact]
    public async Task Read_PaceChip_IsVerified()
    {
        var result = await InsertAndReadAsync(new PassportSpec());

        Assert.True(result.Verified, Describe(result));
        Assert.Equal(ChipAccessProtocol.Pace, result.AccessProtocol);
        Assert.Equal("ERIKSSON", result.Mrz!.Surname);
        Assert.Equal(ChipImageFormat.Jpeg, result.Portrait!.Format);
        Assert.Equal(ChipCheckStatus.Passed, result.GetCheck("chip.aa")!.Status);
        Assert.Equal(ChipCheckStatus.Passed, result.GetCheck("chip.ca")!.Status);
    }

    [Fact]
    public async Task Read_BacChipWith3DesChipAuthentication_IsReadUnderTheNewKeys()
    {
        var result = await InsertAndReadAsync(new PassportSpec { Pace = false, ChipAuthenticationCipherName = "3DES" });

        Assert.True(result.Verified, Describe(result));
        Assert.Equal(ChipAccessProtocol.Bac, result.AccessProtocol);
        Assert.Contains("new 3DES keys", result.GetCheck("chip.ca")!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ChipLie.None, ChipCheckStatus.Passed)]
    [InlineData(ChipLie.ClonedChip, ChipCheckStatus.Failed)]
    public async Task Read_ChipWithRsaActiveAuthentication_IsCheckedWithIso9796(ChipLie lie, ChipCheckStatus aa)
    {
        var result = await InsertAndReadAsync(new PassportSpec { ActiveAuthenticationKey = ActiveAuthenticationKeyKind.Rsa, RsaHash = System.Security.Cryptography.HashAlgorithmName.SHA256, Lie = lie });

        Assert.True(result.Verified, Describe(result));
        Assert.Equal(aa, result.GetCheck("chip.aa")!.Status);
        Assert.Contains(lie == ChipLie.None ? "RSA 1024 bits, ISO/IEC 9796-2, SHA256" : "the chip may be cloned", result.GetCheck("chip.aa")!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_BacOnlyChip_IsVerifiedWithTheFallbackRecorded()
    {
        var result = await InsertAndReadAsync(new PassportSpec { Pace = false });

        Assert.True(result.Verified, Describe(result));
        Assert.Equal(ChipAccessProtocol.Bac, result.AccessProtocol);
        Assert.Single(result.AccessFallbacks);
    }

    [Fact]
    public async Task Read_ChipAnnouncingExtendedLength_IsReadWithExtendedApdus()
    {
        using var context = PcscContext.Establish();
        // Without chip authentication's fixed handful of commands, the count is the file reads this test is about.
        var spec = new PassportSpec { ExtendedLength = true, ChipAuthentication = false };
        var client = await VpcdClient.ConnectAsync(Chip(spec), pcscd.Port);
        ChipReadResult result;
        bool extended;
        try
        {
            Assert.True(await context.WaitForCardAsync(pcscd.Reader, present: true, Wait, CancellationToken.None));
            using var card = context.Connect(pcscd.Reader);
            extended = card.SupportsExtendedLength;
            result = await ChipReader.ReadAsync(card, Key(), Options());
        }
        finally
        {
            await client.DisposeAsync();
        }

        // The next test must not find this card still on the reader.
        Assert.True(await context.WaitForCardAsync(pcscd.Reader, present: false, Wait, CancellationToken.None));
        Assert.True(extended);
        Assert.True(result.Verified, Describe(result));
        Assert.True(client.Answered < 40, $"{client.Answered} APDUs");
    }

    [Fact]
    public async Task Read_LongTd1DocumentNumber_IsVerified()
    {
        var result = await InsertAndReadAsync(new PassportSpec { Mrz = PassportSpec.SpecimenTd1LongNumber });

        Assert.True(result.Verified, Describe(result));
        Assert.Equal("D23145890734", result.Mrz!.DocumentNumber);
    }

    [Theory]
    [InlineData(ChipLie.TamperedDg1, "chip.dg1.hash")]
    [InlineData(ChipLie.TamperedDg2, "chip.dg2.hash")]
    [InlineData(ChipLie.WrongSodSignature, "chip.sod.signature")]
    [InlineData(ChipLie.ExpiredSigner, "chip.signer.chain")]
    [InlineData(ChipLie.UnknownCsca, "chip.signer.chain")]
    [InlineData(ChipLie.ClonedChip, "chip.aa")]
    [InlineData(ChipLie.ClonedChipAuthenticationKey, "chip.ca")]
    public async Task Read_LyingChip_IsCaughtByTheRightCheck(ChipLie lie, string check)
    {
        var result = await InsertAndReadAsync(new PassportSpec { Lie = lie });

        Assert.Equal(ChipCheckStatus.Failed, result.GetCheck(check)?.Status);
        Assert.Equal(lie == ChipLie.ClonedChip, result.Verified);
    }

    [Fact]
    public async Task Read_CardRemovedMidRead_FailsCleanlyAndTheReaderReadsTheNextCard()
    {
        using var context = PcscContext.Establish();
        var chip = Chip(new PassportSpec());
        await using (var client = await VpcdClient.ConnectAsync(chip, pcscd.Port))
        {
            Assert.True(await context.WaitForCardAsync(pcscd.Reader, present: true, Wait, CancellationToken.None));
            client.RemoveAfter = 15;
            using var card = context.Connect(pcscd.Reader);

            var error = await Assert.ThrowsAsync<ChipException>(() => ChipReader.ReadAsync(card, Key(), Options()));

            Assert.True(error.IsTransient, error.ToString());
            Assert.Contains(error.Kind, new[] { ChipErrorKind.CardRemoved, ChipErrorKind.Transport, ChipErrorKind.NoCard });
        }

        Assert.True(await context.WaitForCardAsync(pcscd.Reader, present: false, Wait, CancellationToken.None));
        var result = await InsertAndReadAsync(new PassportSpec());
        Assert.True(result.Verified, Describe(result));
    }

    [Fact]
    public async Task Watch_CardInsertedAndRemoved_AreReported()
    {
        using var context = PcscContext.Establish();
        Assert.True(await context.WaitForCardAsync(pcscd.Reader, present: false, Wait, CancellationToken.None));
        using var stop = new CancellationTokenSource(Wait * 2);
        await using var events = context.WatchAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var first = events.MoveNextAsync();

        var client = await VpcdClient.ConnectAsync(Chip(new PassportSpec()), pcscd.Port);
        Assert.True(await first);
        Assert.Equal(new PcscEvent(PcscEventKind.CardInserted, pcscd.Reader), events.Current);

        await client.DisposeAsync();
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(new PcscEvent(PcscEventKind.CardRemoved, pcscd.Reader), events.Current);
    }

    private async Task<ChipReadResult> InsertAndReadAsync(PassportSpec spec)
    {
        using var context = PcscContext.Establish();
        Assert.True(await context.WaitForCardAsync(pcscd.Reader, present: false, TimeSpan.FromSeconds(15), CancellationToken.None), "A previous card is still on the reader.");
        ChipReadResult result;
        await using (var client = await VpcdClient.ConnectAsync(Chip(spec), pcscd.Port))
        {
            Assert.True(await context.WaitForCardAsync(pcscd.Reader, present: true, Wait, CancellationToken.None), "The virtual card did not appear on the reader.");
            using var card = context.Connect(pcscd.Reader);
            result = await ChipReader.ReadAsync(card, Key(spec.Mrz), Options());
        }

        Assert.True(await context.WaitForCardAsync(pcscd.Reader, present: false, Wait, CancellationToken.None), "The virtual card did not leave the reader.");
        return result;
    }

    private VirtualPassport Chip(PassportSpec spec) => new(PassportContent.Build(spec, _pki));

    private ChipReadOptions Options() => new() { AllowBac = true, Csca = CscaStore.FromCertificates([_pki.Csca]) };

    private static MrzAccessKey Key(string mrz = PassportSpec.SpecimenTd3) => MrzAccessKey.FromMrz(MrzParser.Parse(mrz))!;

    private static string Describe(ChipReadResult result) =>
        string.Join("; ", result.Checks.Select(c => $"{c.Name}={c.Status} ({c.Detail})")) + " | " + string.Join("; ", result.AccessFallbacks);
}
