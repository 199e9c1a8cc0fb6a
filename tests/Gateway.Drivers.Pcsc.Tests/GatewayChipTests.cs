using Gateway.Contracts.V1;
using Gateway.EndToEnd.Tests;
using Gateway.VirtualChip;
using Grpc.Core;

namespace Gateway.Drivers.Pcsc.Tests;

/// <summary>
/// The gateway reading ePassport chips by itself: the real host on loopback with the <c>pcsc-chip</c> driver package on
/// vpcd's reader (real pcscd), a simulated document reader for the printed MRZ, and the virtual passport placed on the
/// reader. The chip capture arrives on the capture stream, and in a booth session's record.
/// </summary>
[Collection(PcscdCollection.Name)]
public sealed class GatewayChipTests(PcscdFixture pcscd) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly string[] SpecimenMrz = PassportSpec.SpecimenTd3.Split('\n');
    private readonly TestPki _pki = TestPki.Create(DateTimeOffset.UtcNow);
    private readonly DirectoryInfo _csca = Directory.CreateTempSubdirectory("gateway-csca-");

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_csca.FullName, "utopia-csca.pem"), _pki.Csca.ExportCertificatePem());
        using var context = PcscContext.Establish();
        Assert.True(await context.WaitForCardAsync(pcscd.Reader, present: false, Timeout, CancellationToken.None), "A previous card is still on the reader.");
    }

    public async Task DisposeAsync()
    {
        using var context = PcscContext.Establish();
        await context.WaitForCardAsync(pcscd.Reader, present: false, Timeout, CancellationToken.None);
        _pki.Dispose();
        _csca.Delete(recursive: true);
    }

    [Fact]
    public async Task DocumentReadThenChipPlaced_GivesAVerifiedChipCaptureThatMatchesTheDocument()
    {
        await using var gateway = await StartAsync();
        using var captures = Watch(gateway);
        var document = await InjectDocumentAsync(gateway, SpecimenMrz);
        Assert.Equal(document.Id, (await NextAsync(captures, Contracts.V1.CaptureKind.Document)).Id);

        await using var card = await VpcdClient.ConnectAsync(Chip(new PassportSpec()), pcscd.Port);
        var chip = await NextAsync(captures, Contracts.V1.CaptureKind.Chip);

        Assert.True(chip.Verified, Describe(chip));
        Assert.Equal("chip-1", chip.DeviceId);
        Assert.Equal(document.Id, chip.TriggerId);
        Assert.Equal(Contracts.V1.ChipAccessProtocol.Pace, chip.Chip.AccessProtocol);
        Assert.Empty(chip.Chip.AccessFallbacks);
        Assert.Equal(pcscd.Reader, chip.Chip.Reader);
        Assert.Equal("L898902C3", chip.Chip.Mrz.Summary.DocumentNumber);
        Assert.Equal(Contracts.V1.ImageFormat.Jpeg, chip.Chip.Portrait.Format);
        Assert.NotEqual(0, chip.Chip.Portrait.Data.Length);
        foreach (var check in new[] { "chip.access", "chip.dg1.hash", "chip.dg2.hash", "chip.sod.signature", "chip.signer.chain", "chip.dg1.document-mrz" })
        {
            Assert.Equal(Contracts.V1.CheckOutcome.Passed, Outcome(chip, check));
        }

        // Journalled like every capture: a client that connects later still gets it.
        using var later = new CaptureService.CaptureServiceClient(gateway.Channel).WatchCaptures(
            new WatchCapturesRequest { AfterSequence = chip.Sequence - 1, DeviceIds = { "chip-1" } }, cancellationToken: CancellationToken.None);
        var replay = await NextAsync(later, Contracts.V1.CaptureKind.Chip);
        Assert.Equal(chip.Id, replay.Id);
        Assert.Equal("ERIKSSON", replay.Chip.Mrz.Summary.Surname);
    }

    [Fact]
    public async Task ChipPlacedBeforeTheDocument_WaitsWithAPromptAndIsReadWhenTheMrzArrives()
    {
        await using var gateway = await StartAsync();
        using var captures = Watch(gateway);
        using var events = new DeviceService.DeviceServiceClient(gateway.Channel).WatchDevices(new WatchDevicesRequest { DeviceId = "chip-1" }, cancellationToken: CancellationToken.None);

        await using var card = await VpcdClient.ConnectAsync(Chip(new PassportSpec()), pcscd.Port);
        var waiting = await NextEventAsync(events, e => e.Incident?.Code == "chip.waiting_for_mrz");
        Assert.Contains("MRZ", waiting.Incident.Message, StringComparison.Ordinal);

        await InjectDocumentAsync(gateway, SpecimenMrz);
        var chip = await NextAsync(captures, Contracts.V1.CaptureKind.Chip);

        Assert.True(chip.Verified, Describe(chip));
    }

    [Theory]
    [InlineData(ChipLie.TamperedDg1, "chip.dg1.hash")]
    [InlineData(ChipLie.TamperedDg2, "chip.dg2.hash")]
    [InlineData(ChipLie.WrongSodSignature, "chip.sod.signature")]
    [InlineData(ChipLie.ExpiredSigner, "chip.signer.chain")]
    [InlineData(ChipLie.UnknownCsca, "chip.signer.chain")]
    public async Task LyingChip_IsPublishedNotVerifiedWithTheRightCheckFailed(ChipLie lie, string check)
    {
        await using var gateway = await StartAsync();
        using var captures = Watch(gateway);
        await InjectDocumentAsync(gateway, SpecimenMrz);

        await using var card = await VpcdClient.ConnectAsync(Chip(new PassportSpec { Lie = lie }), pcscd.Port);
        var chip = await NextAsync(captures, Contracts.V1.CaptureKind.Chip);

        Assert.False(chip.Verified);
        Assert.Equal(Contracts.V1.CheckOutcome.Failed, Outcome(chip, check));
    }

    [Fact]
    public async Task ChipThatDisagreesWithThePrintedMrz_IsNotVerifiedAndNamesTheField()
    {
        await using var gateway = await StartAsync();
        using var captures = Watch(gateway);
        // The same key fields (number, birth, expiry) but another name printed on the data page: a substituted page.
        string[] printed = ["P<UTOERIKSDOTTIR<<ANNA<<<<<<<<<<<<<<<<<<<<<<", SpecimenMrz[1]];
        await InjectDocumentAsync(gateway, printed);

        await using var card = await VpcdClient.ConnectAsync(Chip(new PassportSpec()), pcscd.Port);
        var chip = await NextAsync(captures, Contracts.V1.CaptureKind.Chip);

        Assert.False(chip.Verified);
        Assert.Equal(Contracts.V1.CheckOutcome.Passed, Outcome(chip, "chip.sod.signature"));
        var comparison = chip.Checks.Single(c => c.Name == "chip.dg1.document-mrz");
        Assert.Equal(Contracts.V1.CheckOutcome.Failed, comparison.Outcome);
        Assert.Contains("Surname", comparison.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutACscaFolder_TheChipIsReadButNotVerified()
    {
        await using var gateway = await StartAsync(csca: false);
        using var captures = Watch(gateway);
        await InjectDocumentAsync(gateway, SpecimenMrz);

        await using var card = await VpcdClient.ConnectAsync(Chip(new PassportSpec()), pcscd.Port);
        var chip = await NextAsync(captures, Contracts.V1.CaptureKind.Chip);

        Assert.False(chip.Verified);
        Assert.Equal(Contracts.V1.CheckOutcome.Passed, Outcome(chip, "chip.dg1.hash"));
        Assert.Equal(Contracts.V1.CheckOutcome.Failed, Outcome(chip, "chip.signer.chain"));
    }

    [Fact]
    public async Task BacOnlyChip_IsRefusedByDefaultAndReadWhenBacIsAllowed()
    {
        var spec = new PassportSpec { Pace = false };
        await using (var gateway = await StartAsync())
        {
            using var captures = Watch(gateway);
            await InjectDocumentAsync(gateway, SpecimenMrz);
            await using var card = await VpcdClient.ConnectAsync(Chip(spec), pcscd.Port);
            var refused = await NextAsync(captures, Contracts.V1.CaptureKind.Chip);

            Assert.False(refused.Verified);
            Assert.Equal(Contracts.V1.ChipAccessProtocol.None, refused.Chip.AccessProtocol);
            Assert.Equal(Contracts.V1.CheckOutcome.Failed, Outcome(refused, "chip.access"));
        }

        using (var context = PcscContext.Establish())
        {
            Assert.True(await context.WaitForCardAsync(pcscd.Reader, present: false, Timeout, CancellationToken.None));
        }

        await using (var gateway = await StartAsync(extra: ["--Gateway:Chip:AllowBac", "true"]))
        {
            using var captures = Watch(gateway);
            await InjectDocumentAsync(gateway, SpecimenMrz);
            await using var card = await VpcdClient.ConnectAsync(Chip(spec), pcscd.Port);
            var read = await NextAsync(captures, Contracts.V1.CaptureKind.Chip);

            Assert.True(read.Verified, Describe(read));
            Assert.Equal(Contracts.V1.ChipAccessProtocol.Bac, read.Chip.AccessProtocol);
            Assert.NotEmpty(read.Chip.AccessFallbacks);
        }
    }

    [Fact]
    public async Task CardRemovedMidRead_IsAnIncidentAndTheCardIsReadWhenPutBack()
    {
        await using var gateway = await StartAsync();
        using var captures = Watch(gateway);
        using var events = new DeviceService.DeviceServiceClient(gateway.Channel).WatchDevices(new WatchDevicesRequest { DeviceId = "chip-1" }, cancellationToken: CancellationToken.None);
        await InjectDocumentAsync(gateway, SpecimenMrz);

        await using (var card = await VpcdClient.ConnectAsync(Chip(new PassportSpec()), pcscd.Port))
        {
            card.RemoveAfter = 15;
            var interrupted = await NextEventAsync(events, e => e.Incident?.Code == "chip.read_interrupted");
            Assert.Equal(Contracts.V1.IncidentSeverity.Warning, interrupted.Incident.Severity);

            // The officer takes the passport off the reader...
            await NextEventAsync(events, e => e.DocumentPresence is { Placed: false });
        }

        // ...and puts it back.

        await using var again = await VpcdClient.ConnectAsync(Chip(new PassportSpec()), pcscd.Port);
        var chip = await NextAsync(captures, Contracts.V1.CaptureKind.Chip);

        Assert.True(chip.Verified, Describe(chip));
        var device = await new DeviceService.DeviceServiceClient(gateway.Channel).GetDeviceAsync(new GetDeviceRequest { DeviceId = "chip-1" });
        Assert.Equal(Contracts.V1.DeviceState.Ready, device.State);
    }

    [Fact]
    public async Task BoothSession_RecordCarriesTheChipAndComparesDg1WithThePrintedMrz()
    {
        await using var gateway = await StartAsync();
        using var call = new SessionService.SessionServiceClient(gateway.Channel).RunSession(cancellationToken: CancellationToken.None);
        await call.RequestStream.WriteAsync(new SessionCommand { Start = new StartSession { BoothId = "booth-1", DeviceIds = { "reader-1", "chip-1" }, Steps = { SessionStep.Document } } });
        await UntilAsync(call, e => e.Started is not null);

        await InjectDocumentAsync(gateway, SpecimenMrz);
        await using var card = await VpcdClient.ConnectAsync(Chip(new PassportSpec()), pcscd.Port);
        await UntilAsync(call, e => e.Attached?.Capture.PayloadCase == Capture.PayloadOneofCase.Chip);
        await call.RequestStream.WriteAsync(new SessionCommand { Complete = new CompleteSession() });
        var record = (await UntilAsync(call, e => e.Completed is not null)).Completed;

        Assert.True(record.Verified, string.Join("; ", record.Reasons));
        Assert.Equal("L898902C3", record.Chip.Mrz.Summary.DocumentNumber);
        Assert.Contains(record.Checks, c => c.Name == "document.chip.sod.signature" && c.Outcome == Contracts.V1.CheckOutcome.Passed);
        var fromChip = record.Comparisons.Where(c => c.OtherSource == "chip.dg1").ToList();
        Assert.Contains(fromChip, c => c.Field == "surname");
        Assert.Contains(fromChip, c => c.Field == "document_number");
        Assert.All(fromChip, c => Assert.True(c.Agree, $"{c.Field}: {c.Value} / {c.OtherValue}"));
    }

    [Fact]
    public async Task ReaderThatIsNotConnected_FaultsTheDeviceWithAReasonAndTheGatewayRuns()
    {
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("reader-1", "simulated-document"), RunningGateway.Device("chip-1", "pcsc-chip", new { Reader = "No Such Reader" })]);
        var devices = new DeviceService.DeviceServiceClient(gateway.Channel);

        var faulted = await WaitForStateAsync(devices, "chip-1", Contracts.V1.DeviceState.Faulted);

        Assert.Equal("pcsc.reader_missing", faulted.ReasonCode);
        Assert.Contains("gatewayctl chip readers", faulted.Reason, StringComparison.Ordinal);
        Assert.Equal(Contracts.V1.DeviceState.Ready, (await WaitForStateAsync(devices, "reader-1", Contracts.V1.DeviceState.Ready)).State);
    }

    private async Task<RunningGateway> StartAsync(bool csca = true, string[]? extra = null)
    {
        string[] args = [.. csca ? new[] { "--Gateway:Chip:CscaFolder", _csca.FullName } : [], .. extra ?? []];
        var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("reader-1", "simulated-document"), RunningGateway.Device("chip-1", "pcsc-chip", new { Reader = pcscd.Reader })],
            args);
        await WaitForStateAsync(new DeviceService.DeviceServiceClient(gateway.Channel), "chip-1", Contracts.V1.DeviceState.Ready);
        return gateway;
    }

    private static async Task<Device> WaitForStateAsync(DeviceService.DeviceServiceClient devices, string id, Contracts.V1.DeviceState state)
    {
        using var events = devices.WatchDevices(new WatchDevicesRequest { DeviceId = id });
        var device = await devices.GetDeviceAsync(new GetDeviceRequest { DeviceId = id });
        if (device.State == state)
        {
            return device;
        }

        return (await NextEventAsync(events, e => e.StateChanged?.Device.State == state)).StateChanged.Device;
    }

    private static AsyncServerStreamingCall<Capture> Watch(RunningGateway gateway) =>
        new CaptureService.CaptureServiceClient(gateway.Channel).WatchCaptures(new WatchCapturesRequest(), cancellationToken: CancellationToken.None);

    private static async Task<Capture> InjectDocumentAsync(RunningGateway gateway, string[] mrz)
    {
        var request = new InjectCaptureRequest { DeviceId = "reader-1" };
        request.MrzLines.AddRange(mrz);
        return await new DiagnosticsService.DiagnosticsServiceClient(gateway.Channel).InjectCaptureAsync(request);
    }

    private static async Task<Capture> NextAsync(AsyncServerStreamingCall<Capture> captures, Contracts.V1.CaptureKind kind)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (await captures.ResponseStream.MoveNext(timeout.Token))
        {
            if (captures.ResponseStream.Current.Kind == kind)
            {
                return captures.ResponseStream.Current;
            }
        }

        throw new InvalidOperationException($"The capture stream ended before a {kind} capture.");
    }

    private static async Task<DeviceEvent> NextEventAsync(AsyncServerStreamingCall<DeviceEvent> events, Func<DeviceEvent, bool> match)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (await events.ResponseStream.MoveNext(timeout.Token))
        {
            if (match(events.ResponseStream.Current))
            {
                return events.ResponseStream.Current;
            }
        }

        throw new InvalidOperationException("The device event stream ended.");
    }

    private static async Task<SessionEvent> UntilAsync(AsyncDuplexStreamingCall<SessionCommand, SessionEvent> call, Func<SessionEvent, bool> match)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (await call.ResponseStream.MoveNext(timeout.Token))
        {
            if (match(call.ResponseStream.Current))
            {
                return call.ResponseStream.Current;
            }
        }

        throw new InvalidOperationException("The session stream ended.");
    }

    private static Contracts.V1.CheckOutcome? Outcome(Capture capture, string check) => capture.Checks.FirstOrDefault(c => c.Name == check)?.Outcome;

    private static string Describe(Capture capture) => string.Join("; ", capture.Checks.Select(c => $"{c.Name} {c.Outcome} {c.Detail}"));

    private VirtualPassport Chip(PassportSpec spec) => new(PassportContent.Build(spec, _pki));
}
