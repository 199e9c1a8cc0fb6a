using Gateway.Contracts.V1;
using Grpc.Core;

namespace Gateway.EndToEnd.Tests.Pages;

/// <summary>
/// The real gateway with the simulated full-page reader: its page captures arrive analysed over loopback gRPC — MRZ read
/// from the pages and valid, barcode decoded and parsed, portrait cut out, document class right — with placed/removed
/// device events around them.
/// </summary>
public sealed class PageReaderTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token;

    [Fact]
    public async Task WatchCaptures_SimulatedPageReader_EveryFormatArrivesAnalysedAndVerified()
    {
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("page-reader-1", "simulated-page-reader", new { IntervalSeconds = 0.1, Seed = 21, Formats = new[] { "Td3", "Td1", "Visa", "Td2" } })]);
        var client = new CaptureService.CaptureServiceClient(gateway.Channel);
        using var watch = client.WatchCaptures(new WatchCapturesRequest(), cancellationToken: Timeout);

        var captures = new List<Capture>();
        while (captures.Count < 4 && await watch.ResponseStream.MoveNext(Timeout))
        {
            captures.Add(watch.ResponseStream.Current);
        }

        (DocumentClass Class, string? Symbology)[] expected =
            [(DocumentClass.Td3, null), (DocumentClass.Td1, "DATA_MATRIX"), (DocumentClass.VisaA, "PDF417"), (DocumentClass.Td2, "PDF417")];
        foreach (var (capture, (documentClass, symbology)) in captures.Zip(expected))
        {
            var failed = string.Join("; ", capture.Checks.Where(c => c.Outcome != CheckOutcome.Passed).Select(c => $"{c.Name}: {c.Detail}"));
            Assert.True(capture.Verified, failed);
            var document = capture.Document;
            Assert.Equal(3, document.Pages.Count);
            Assert.Equal(documentClass, document.Page.DocumentClass);
            Assert.True(document.Mrz.Valid);
            Assert.Equal(document.MrzLines, document.Page.MrzOcr.Mrz.CorrectedLines);
            Assert.Empty(document.Page.DeviceMrzLines);
            Assert.Equal(LightSource.Infrared, document.Page.MrzLight);
            Assert.Equal(ImageFormat.Png, document.Page.Portrait.Format);
            Assert.True(document.Page.Portrait.Data.Length > 1000);
            foreach (var name in new[] { "page.mrz", "page.document_class", "page.portrait", "page.hint.mrz_visible_ir", "page.hint.portrait_dark_ir", "mrz.structure" })
            {
                Assert.Equal(CheckOutcome.Passed, capture.Checks.Single(c => c.Name == name).Outcome);
            }

            Assert.Contains("not proof", capture.Checks.Single(c => c.Name == "page.hint.mrz_visible_ir").Detail, StringComparison.Ordinal);
            if (symbology is null)
            {
                Assert.Empty(document.Page.Barcodes);
                continue;
            }

            var barcode = Assert.Single(document.Page.Barcodes);
            Assert.Equal(symbology, barcode.Symbology);
            Assert.Equal("aamva", barcode.PayloadType);
            Assert.True(barcode.Payload.Valid);
            Assert.Contains(document.Fields.DocumentNumber, barcode.Fields.Values);
            Assert.Equal(CheckOutcome.Passed, capture.Checks.Single(c => c.Name == "page.barcode.0.aamva.structure").Outcome);
        }
    }

    [Fact]
    public async Task TriggerCapture_ReaderWithItsOwnMrz_BothReadsAreKeptAndCompared()
    {
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("page-reader-1", "simulated-page-reader", new { IntervalSeconds = 0, Seed = 22, DeviceMrz = true, Formats = new[] { "Td3" } })]);
        var client = new CaptureService.CaptureServiceClient(gateway.Channel);

        var capture = await client.TriggerCaptureAsync(new TriggerCaptureRequest { DeviceId = "page-reader-1", Kind = CaptureKind.Document }, cancellationToken: Timeout);

        var page = capture.Document.Page;
        Assert.Equal(2, page.DeviceMrzLines.Count);
        Assert.Equal(page.DeviceMrzLines, capture.Document.MrzLines);
        Assert.Equal(page.DeviceMrzLines, page.MrzOcr.Mrz.CorrectedLines);
        Assert.Equal(CheckOutcome.Passed, capture.Checks.Single(c => c.Name == "page.mrz_matches_device").Outcome);
        Assert.True(capture.Verified);
    }

    [Fact]
    public async Task WatchDevices_PageCapture_IsFramedByDocumentPlacedAndRemovedEvents()
    {
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("page-reader-1", "simulated-page-reader", new { IntervalSeconds = 0, Seed = 23, Formats = new[] { "Td1" } })]);
        var devices = new DeviceService.DeviceServiceClient(gateway.Channel);
        using var watch = devices.WatchDevices(new WatchDevicesRequest { DeviceId = "page-reader-1" }, cancellationToken: Timeout);
        // The stream starts with the device's current state: the device is watched before the capture is asked for.
        Assert.True(await watch.ResponseStream.MoveNext(Timeout));

        var capture = new CaptureService.CaptureServiceClient(gateway.Channel)
            .TriggerCaptureAsync(new TriggerCaptureRequest { DeviceId = "page-reader-1", Kind = CaptureKind.Document }, cancellationToken: Timeout);
        var presence = new List<bool>();
        while (presence.Count < 2 && await watch.ResponseStream.MoveNext(Timeout))
        {
            if (watch.ResponseStream.Current.EventCase == DeviceEvent.EventOneofCase.DocumentPresence)
            {
                presence.Add(watch.ResponseStream.Current.DocumentPresence.Placed);
            }
        }

        Assert.Equal([true, false], presence);
        Assert.Equal(DocumentClass.Td1, (await capture).Document.Page.DocumentClass);
    }
}
