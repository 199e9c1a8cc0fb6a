using Gateway.Emrtd;
using Gateway.Mrz;
using Gateway.VirtualChip;

namespace Gateway.Emrtd.Tests;

/// <summary>The terminal side against the virtual passport, in memory, through the same channel seam PC/SC uses.</summary>
public sealed class ChipReaderTests : IDisposable
{
    private readonly TestPki _pki = TestPki.Create(DateTimeOffset.UtcNow);

    public void Dispose() => _pki.Dispose();

    [Fact]
    public async Task Read_PaceWithMrz_IsVerifiedWithEveryStepChecked()
    {
        var result = await ReadAsync(new PassportSpec());

        Assert.True(result.Verified, Describe(result));
        Assert.Equal(ChipAccessProtocol.Pace, result.AccessProtocol);
        Assert.Equal("0.4.0.127.0.7.2.2.4.2.2", result.PaceProtocol);
        Assert.Empty(result.AccessFallbacks);
        Assert.False(result.KeyCorrected);
        Assert.NotNull(result.Mrz);
        Assert.True(result.Mrz.Valid);
        Assert.Equal("ERIKSSON", result.Mrz.Surname);
        Assert.Equal("L898902C3", result.Mrz.DocumentNumber);
        Assert.Equal(ChipImageFormat.Jpeg, result.Portrait!.Format);
        Assert.Equal((480, 600), (result.Portrait.Width, result.Portrait.Height));
        Assert.Equal([0xFF, 0xD8], result.Portrait.Data[..2]);
        Assert.Equal("ERIKSSON<<ANNA<MARIA", result.AdditionalPersonalDetails[0x5F0E]);
        foreach (var name in new[] { "chip.access", "chip.dg1.hash", "chip.dg2.hash", "chip.dg11.hash", "chip.dg15.hash", "chip.sod.signature", "chip.signer.chain", "chip.aa" })
        {
            Assert.Equal(ChipCheckStatus.Passed, result.GetCheck(name)?.Status);
        }
    }

    [Theory]
    [InlineData("3DES", 13)]
    [InlineData("AES-128", 12)]
    [InlineData("AES-192", 15)]
    [InlineData("AES-256", 16)]
    [InlineData("AES-256", 17)]
    public async Task Read_PaceCipherAndCurveVariants_AreVerified(string cipher, int parameterId)
    {
        var result = await ReadAsync(new PassportSpec { PaceCipherName = cipher, PaceParameterId = parameterId });

        Assert.True(result.Verified, Describe(result));
        Assert.Equal(ChipAccessProtocol.Pace, result.AccessProtocol);
    }

    [Fact]
    public async Task Read_PaceWithCan_IsVerified()
    {
        var chip = Chip(new PassportSpec { Can = "654321" });

        var result = await ChipReader.ReadAsync(new InMemoryChannel(chip), new CanAccessKey("654321"), Options());

        Assert.True(result.Verified, Describe(result));
        Assert.Contains("CAN", result.GetCheck("chip.access")!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_WrongCan_FailsAccessAndReadsNothing()
    {
        var result = await ChipReader.ReadAsync(new InMemoryChannel(Chip(new PassportSpec())), new CanAccessKey("000000"), Options());

        Assert.False(result.Verified);
        Assert.Equal(ChipAccessProtocol.None, result.AccessProtocol);
        Assert.Equal(ChipCheckStatus.Failed, result.GetCheck("chip.access")!.Status);
        Assert.Empty(result.DataGroups);
    }

    [Fact]
    public async Task Read_ChipWithoutPace_BacNotAllowed_FailsClosed()
    {
        var result = await ReadAsync(new PassportSpec { Pace = false }, Options() with { AllowBac = false });

        Assert.False(result.Verified);
        Assert.Equal(ChipAccessProtocol.None, result.AccessProtocol);
        Assert.Contains("not allowed by configuration", result.GetCheck("chip.access")!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_ChipWithoutPace_BacAllowed_IsVerifiedAndRecordsTheFallback()
    {
        var result = await ReadAsync(new PassportSpec { Pace = false });

        Assert.True(result.Verified, Describe(result));
        Assert.Equal(ChipAccessProtocol.Bac, result.AccessProtocol);
        Assert.Equal("the chip offers no PACE; BAC used", Assert.Single(result.AccessFallbacks));
    }

    [Fact]
    public async Task Read_PaceOnlyChip_IsReadWithPaceEvenWhenBacIsAllowed()
    {
        var result = await ReadAsync(new PassportSpec { Bac = false });

        Assert.True(result.Verified, Describe(result));
        Assert.Equal(ChipAccessProtocol.Pace, result.AccessProtocol);
    }

    [Theory]
    [InlineData(ChipLie.TamperedDg1, "chip.dg1.hash")]
    [InlineData(ChipLie.TamperedDg2, "chip.dg2.hash")]
    [InlineData(ChipLie.WrongSodSignature, "chip.sod.signature")]
    [InlineData(ChipLie.ExpiredSigner, "chip.signer.chain")]
    [InlineData(ChipLie.UnknownCsca, "chip.signer.chain")]
    [InlineData(ChipLie.ClonedChip, "chip.aa")]
    [InlineData(ChipLie.ReplayedAaSignature, "chip.aa")]
    public async Task Read_LyingChip_IsCaughtByTheRightCheckAlone(ChipLie lie, string check)
    {
        var result = await ReadAsync(new PassportSpec { Lie = lie });

        Assert.Equal(ChipCheckStatus.Failed, result.GetCheck(check)?.Status);
        var others = result.Checks.Where(c => c.Name != check && c.Status == ChipCheckStatus.Failed).ToList();
        Assert.True(others.Count == 0, Describe(result));
        Assert.Equal(check == "chip.aa", result.Verified);
    }

    [Theory]
    [InlineData("AES-128", "brainpoolP256r1", true)]
    [InlineData("AES-256", "nistP384", true)]
    [InlineData("AES-192", "nistP256", false)]
    [InlineData("3DES", "brainpoolP256r1", false)]
    [InlineData("3DES", "brainpoolP384r1", true)]
    public async Task Read_ChipAuthentication_PassesAndTheDataGroupsAreReadUnderItsKeys(string cipher, string curve, bool pace)
    {
        var spec = new PassportSpec { Pace = pace, ChipAuthenticationCipherName = cipher, ChipAuthenticationCurve = System.Security.Cryptography.ECCurve.CreateFromFriendlyName(curve) };

        var result = await ReadAsync(spec);

        Assert.True(result.Verified, Describe(result));
        var ca = result.GetCheck("chip.ca")!;
        Assert.Equal(ChipCheckStatus.Passed, ca.Status);
        Assert.Contains($"new {cipher} keys", ca.Detail, StringComparison.Ordinal);
        var steps = result.Timings.Select(t => t.Step).ToList();
        Assert.True(steps.IndexOf("chip authentication") < steps.IndexOf("read DG1"), string.Join(", ", steps));
        Assert.Equal(ChipCheckStatus.Passed, result.GetCheck("chip.aa")!.Status);
    }

    [Theory]
    [InlineData(7, false, false)]
    [InlineData(null, true, false)]
    [InlineData(null, false, true)]
    [InlineData(3, true, true)]
    public async Task Read_ChipAuthenticationWithKeyIdPkEcdhLabelOrExplicitCurve_Passes(int? keyId, bool labelledPkEcdh, bool explicitCurve)
    {
        var result = await ReadAsync(new PassportSpec
        {
            ChipAuthenticationKeyId = keyId,
            ChipAuthenticationKeyLabelledPkEcdh = labelledPkEcdh,
            ChipAuthenticationExplicitParameters = explicitCurve,
        });

        Assert.True(result.Verified, Describe(result));
        Assert.Equal(ChipCheckStatus.Passed, result.GetCheck("chip.ca")!.Status);
        byte[] primeFieldOid = [0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x01, 0x01];
        Assert.Equal(explicitCurve, result.DataGroups[14].AsSpan().IndexOf(primeFieldOid) >= 0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Read_ChipAuthenticatingWithAnotherKey_FailsChipCaAndIsReadNoFurther(bool pace)
    {
        var result = await ReadAsync(new PassportSpec { Pace = pace, Lie = ChipLie.ClonedChipAuthenticationKey });

        var ca = result.GetCheck("chip.ca")!;
        Assert.Equal(ChipCheckStatus.Failed, ca.Status);
        Assert.Contains("does not hold DG14's private key", ca.Detail, StringComparison.Ordinal);
        Assert.False(result.Verified);
        Assert.Null(result.Mrz);
        Assert.DoesNotContain(1, result.DataGroups.Keys);
    }

    [Theory]
    [InlineData("AES-128")]
    [InlineData("3DES")]
    public async Task Read_ChipRefusingChipAuthentication_FailsChipCaAndReadsOnUnderTheAccessKeys(string cipher)
    {
        var result = await ReadAsync(new PassportSpec { ChipAuthenticationCipherName = cipher, Lie = ChipLie.RefusesChipAuthentication });

        var ca = result.GetCheck("chip.ca")!;
        Assert.Equal(ChipCheckStatus.Failed, ca.Status);
        Assert.Equal("The chip refused chip authentication (6A80).", ca.Detail);
        Assert.Single(result.Checks, c => c.Status == ChipCheckStatus.Failed);
        Assert.True(result.Verified, Describe(result));
    }

    [Fact]
    public async Task Read_ChipWithoutDg14_HasNoChipAuthenticationCheck()
    {
        var result = await ReadAsync(new PassportSpec { ChipAuthentication = false });

        Assert.True(result.Verified, Describe(result));
        Assert.Null(result.GetCheck("chip.ca"));
    }

    [Theory]
    [InlineData(1024, "SHA1", false)]
    [InlineData(1024, "SHA256", false)]
    [InlineData(2048, "SHA256", true)]
    public async Task Read_ChipWithRsaActiveAuthentication_PassesTheIso9796Check(int bits, string hash, bool extendedLength)
    {
        var spec = new PassportSpec
        {
            ActiveAuthenticationKey = ActiveAuthenticationKeyKind.Rsa,
            RsaKeyBits = bits,
            RsaHash = new System.Security.Cryptography.HashAlgorithmName(hash),
            ExtendedLength = extendedLength,
        };

        var result = await ChipReader.ReadAsync(new InMemoryChannel(Chip(spec)) { SupportsExtendedLength = extendedLength }, Key(), Options());

        Assert.True(result.Verified, Describe(result));
        Assert.Equal(ChipCheckStatus.Passed, result.GetCheck("chip.aa")!.Status);
        Assert.Contains($"RSA {bits} bits, ISO/IEC 9796-2, {hash}", result.GetCheck("chip.aa")!.Detail, StringComparison.Ordinal);
        Assert.Equal(ChipCheckStatus.Passed, result.GetCheck("chip.dg15.hash")!.Status);
    }

    [Fact]
    public async Task Read_2048BitRsaKeyOnAReaderWithoutExtendedLength_ReportsAaNotPerformedAndReadsOn()
    {
        var spec = new PassportSpec { ActiveAuthenticationKey = ActiveAuthenticationKeyKind.Rsa, RsaKeyBits = 2048 };

        var result = await ReadAsync(spec);

        Assert.True(result.Verified, Describe(result));
        Assert.Equal(ChipCheckStatus.NotPerformed, result.GetCheck("chip.aa")!.Status);
        Assert.Contains("2048-bit RSA key needs extended-length APDUs", result.GetCheck("chip.aa")!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ChipLie.ClonedChip, "the chip may be cloned")]
    [InlineData(ChipLie.ReplayedAaSignature, "not that of the challenge just sent")]
    public async Task Read_RsaChipLyingAboutActiveAuthentication_FailsChipAaAlone(ChipLie lie, string reason)
    {
        var result = await ReadAsync(new PassportSpec { ActiveAuthenticationKey = ActiveAuthenticationKeyKind.Rsa, Lie = lie });

        var aa = result.GetCheck("chip.aa")!;
        Assert.Equal(ChipCheckStatus.Failed, aa.Status);
        Assert.Contains(reason, aa.Detail, StringComparison.Ordinal);
        Assert.Single(result.Checks, c => c.Status == ChipCheckStatus.Failed);
        Assert.True(result.Verified, "Passive authentication still holds: the data is genuine, the chip is not.");
    }

    [Fact]
    public async Task Read_SignerRevokedByCscaCrl_FailsTheChain()
    {
        var crl = _pki.CreateCrl(DateTimeOffset.UtcNow, _pki.Signer);

        var result = await ReadAsync(new PassportSpec(), Options() with { Csca = CscaStore.FromCertificates([_pki.Csca], [crl]) });

        Assert.False(result.Verified);
        Assert.Contains("revoked", result.GetCheck("chip.signer.chain")!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_CrlOfTheCscaNotListingTheSigner_PassesAndSaysSo()
    {
        using var other = TestPki.CreateSigner(_pki.Csca, DateTimeOffset.UtcNow);
        var crl = _pki.CreateCrl(DateTimeOffset.UtcNow, other);

        var result = await ReadAsync(new PassportSpec(), Options() with { Csca = CscaStore.FromCertificates([_pki.Csca], [crl]) });

        Assert.True(result.Verified, Describe(result));
        Assert.Contains("CRL checked", result.GetCheck("chip.signer.chain")!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Read_Td1WithLongDocumentNumber_OpensWithTheFullNumber(bool pace)
    {
        var spec = new PassportSpec { Mrz = PassportSpec.SpecimenTd1LongNumber, Pace = pace };

        var result = await ReadAsync(spec);

        Assert.True(result.Verified, Describe(result));
        Assert.Equal(pace ? ChipAccessProtocol.Pace : ChipAccessProtocol.Bac, result.AccessProtocol);
        Assert.Equal("D23145890734", result.Mrz!.DocumentNumber);
        Assert.Equal(MrzFormat.Td1, result.Mrz.Format);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Read_OcrConfusedDocumentNumber_IsOpenedWithTheCorrectedKeyAndSaysSo(bool pace)
    {
        var chip = Chip(new PassportSpec { Pace = pace });
        var ocr = MrzParser.Parse(PassportSpec.SpecimenTd3.Replace("L898902C36", "L8989O2C36", StringComparison.Ordinal));
        Assert.False(ocr.Valid);

        var result = await ChipReader.ReadAsync(new InMemoryChannel(chip), MrzAccessKey.FromMrz(ocr)!, Options());

        Assert.True(result.Verified, Describe(result));
        Assert.True(result.KeyCorrected);
        Assert.Contains("key corrected", result.GetCheck("chip.access")!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_KeyCorrectionDisabled_RefusedKeyFailsAccess()
    {
        var ocr = MrzParser.Parse(PassportSpec.SpecimenTd3.Replace("L898902C36", "L8989O2C36", StringComparison.Ordinal));

        var result = await ChipReader.ReadAsync(new InMemoryChannel(Chip(new PassportSpec())), MrzAccessKey.FromMrz(ocr)!, Options() with { MaxKeyCorrections = 0 });

        Assert.Equal(ChipAccessProtocol.None, result.AccessProtocol);
        Assert.False(result.KeyCorrected);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(12)]
    [InlineData(25)]
    public async Task Read_CardRemovedMidRead_ThrowsATransientCardRemovedError(int after)
    {
        var channel = new InMemoryChannel(Chip(new PassportSpec())) { RemoveAfter = after };

        var error = await Assert.ThrowsAsync<ChipException>(() => ChipReader.ReadAsync(channel, Key(), Options()));

        Assert.Equal(ChipErrorKind.CardRemoved, error.Kind);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task Read_ExtendedLengthChannel_ReadsInFewerCommands()
    {
        // Without chip authentication's fixed handful of commands, the count is the file reads this test is about.
        var spec = new PassportSpec { ExtendedLength = true, ChipAuthentication = false };
        var shortChannel = new InMemoryChannel(Chip(spec));
        var extendedChannel = new InMemoryChannel(Chip(spec)) { SupportsExtendedLength = true };

        var viaShort = await ChipReader.ReadAsync(shortChannel, Key(), Options());
        var viaExtended = await ChipReader.ReadAsync(extendedChannel, Key(), Options());

        Assert.True(viaExtended.Verified, Describe(viaExtended));
        Assert.Equal(viaShort.DataGroups[2], viaExtended.DataGroups[2]);
        Assert.True(extendedChannel.Transmitted < shortChannel.Transmitted / 3, $"{extendedChannel.Transmitted} vs {shortChannel.Transmitted}");
    }

    [Fact]
    public async Task Read_WithTheDocumentReadersMrz_ComparesDg1FieldByField()
    {
        var same = await ReadAsync(new PassportSpec(), Options() with { DocumentMrz = MrzParser.Parse(PassportSpec.SpecimenTd3) });
        var other = await ReadAsync(new PassportSpec(), Options() with
        {
            DocumentMrz = MrzParser.Parse(PassportSpec.SpecimenTd3.Replace("ERIKSSON", "ERIKSSEN", StringComparison.Ordinal)),
        });

        Assert.Equal(ChipCheckStatus.Passed, same.GetCheck("chip.dg1.document-mrz")!.Status);
        Assert.Equal(ChipCheckStatus.Failed, other.GetCheck("chip.dg1.document-mrz")!.Status);
        Assert.Contains("Surname", other.GetCheck("chip.dg1.document-mrz")!.Detail, StringComparison.Ordinal);
        Assert.True(other.Verified);
    }

    [Fact]
    public async Task Read_WithoutCscaStore_IsNotVerified()
    {
        var result = await ReadAsync(new PassportSpec(), Options() with { Csca = null });

        Assert.False(result.Verified);
        Assert.Equal(ChipCheckStatus.Failed, result.GetCheck("chip.signer.chain")!.Status);
    }

    [Fact]
    public async Task Read_ResponseCorruptedUnderSecureMessaging_EndsWithAFailedReadCheckNotAnException()
    {
        var channel = new CorruptingChannel(new InMemoryChannel(Chip(new PassportSpec())), corruptResponse: 10);

        var result = await ChipReader.ReadAsync(channel, Key(), Options());

        Assert.False(result.Verified);
        Assert.Equal(ChipAccessProtocol.Pace, result.AccessProtocol);
        Assert.Equal(ChipCheckStatus.Failed, result.GetCheck("chip.read")!.Status);
        Assert.Contains("MAC", result.GetCheck("chip.read")!.Detail, StringComparison.Ordinal);
    }

    internal static string Describe(ChipReadResult result) =>
        string.Join("; ", result.Checks.Select(c => $"{c.Name}={c.Status} ({c.Detail})")) + " | " + string.Join("; ", result.AccessFallbacks);

    private VirtualPassport Chip(PassportSpec spec) => new(PassportContent.Build(spec, _pki));

    private ChipReadOptions Options() => new() { AllowBac = true, Csca = CscaStore.FromCertificates([_pki.Csca]) };

    private static MrzAccessKey Key(string mrz = PassportSpec.SpecimenTd3) => MrzAccessKey.FromMrz(MrzParser.Parse(mrz))!;

    private Task<ChipReadResult> ReadAsync(PassportSpec spec, ChipReadOptions? options = null) =>
        ChipReader.ReadAsync(new InMemoryChannel(Chip(spec)), Key(spec.Mrz), options ?? Options());

    /// <summary>Flips one bit of the MAC of one response (counted from 1), as a noisy link or a lying chip would.</summary>
    private sealed class CorruptingChannel(ICardChannel inner, int corruptResponse) : ICardChannel
    {
        private int _count;

        public bool SupportsExtendedLength => inner.SupportsExtendedLength;

        public async Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken)
        {
            var response = await inner.TransmitAsync(command, cancellationToken);
            if (++_count == corruptResponse)
            {
                response[^3] ^= 0x01;
            }

            return response;
        }
    }
}
