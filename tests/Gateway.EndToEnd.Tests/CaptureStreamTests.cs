using Gateway.Contracts.V1;
using Grpc.Core;

namespace Gateway.EndToEnd.Tests;

public sealed class CaptureStreamTests
{
    private static readonly object[] Devices =
    [
        RunningGateway.Device("reader-1", "simulated-document"),
        RunningGateway.Device("camera-1", "simulated-camera"),
        RunningGateway.Device("fingerprint-1", "simulated-fingerprint"),
    ];

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private static async Task<List<Capture>> Read(AsyncServerStreamingCall<Capture> call, int count)
    {
        var captures = new List<Capture>();
        while (captures.Count < count && await call.ResponseStream.MoveNext(Timeout))
        {
            captures.Add(call.ResponseStream.Current);
        }

        return captures;
    }

    [Fact]
    public async Task WatchCaptures_ReceivesDocumentPortraitAndFingerprintFromSimulatedDevices()
    {
        await using var gateway = await RunningGateway.StartAsync(Devices);
        var client = new CaptureService.CaptureServiceClient(gateway.Channel);
        using var watch = client.WatchCaptures(new WatchCapturesRequest(), cancellationToken: Timeout);

        foreach (var id in new[] { "reader-1", "camera-1", "fingerprint-1" })
        {
            await client.TriggerCaptureAsync(new TriggerCaptureRequest { DeviceId = id }, cancellationToken: Timeout);
        }

        var captures = await Read(watch, 3);
        Assert.Equal(["reader-1", "camera-1", "fingerprint-1"], captures.Select(c => c.DeviceId));
        Assert.Equal([1UL, 2UL, 3UL], captures.Select(c => c.Sequence));
        Assert.All(captures, c => Assert.True(Guid.TryParse(c.Id, out _)));

        var document = captures[0].Document;
        Assert.InRange(document.MrzLines.Count, 2, 3);
        Assert.All(document.MrzLines, line => Assert.Equal(document.MrzLines.Count == 2 ? 44 : 30, line.Length));
        Assert.StartsWith("UTO", captures[0].Document.MrzLines[0][2..], StringComparison.Ordinal);

        var portrait = captures[1].Portrait.Image;
        Assert.Equal(ImageFormat.Png, portrait.Format);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], portrait.Data.Span[..4].ToArray());

        var finger = Assert.Single(captures[2].Fingerprints.Fingers);
        Assert.Equal(FingerPosition.RightIndex, finger.Position);
        Assert.Equal(500u, finger.Image.Ppi);
    }

    [Fact]
    public async Task DocumentCapture_IsParsedAndVerifiedByTheMrzEngine()
    {
        await using var gateway = await RunningGateway.StartAsync(Devices);
        var client = new CaptureService.CaptureServiceClient(gateway.Channel);

        var capture = await client.TriggerCaptureAsync(new TriggerCaptureRequest { DeviceId = "reader-1" }, cancellationToken: Timeout);

        Assert.True(capture.Verified);
        Assert.True(capture.Document.Mrz.Valid);
        Assert.Equal("UTO", capture.Document.Fields.IssuingState);
        Assert.Contains(capture.Checks, c => c.Name == "mrz.structure" && c.Outcome == CheckOutcome.Passed);
        Assert.Contains(capture.Checks, c => c.Name == "mrz.check_digit.composite" && c.Outcome == CheckOutcome.Passed);
        Assert.All(capture.Checks, c => Assert.Equal(CheckOutcome.Passed, c.Outcome));
    }

    [Fact]
    public async Task BarcodeCapture_BoardingPassIsParsedAndVerified()
    {
        await using var gateway = await RunningGateway.StartAsync([RunningGateway.Device("barcode-1", "simulated-barcode")]);
        var client = new CaptureService.CaptureServiceClient(gateway.Channel);

        var capture = await client.TriggerCaptureAsync(new TriggerCaptureRequest { DeviceId = "barcode-1" }, cancellationToken: Timeout);

        Assert.Equal("bcbp", capture.Barcode.PayloadType);
        Assert.True(capture.Barcode.Payload.Valid);
        Assert.Equal(3, capture.Barcode.Fields["leg_1.from_airport"].Length);
        Assert.Contains(capture.Checks, c => c.Name == "barcode.bcbp.structure" && c.Outcome == CheckOutcome.Passed);
        Assert.True(capture.Verified);
    }

    [Fact]
    public async Task WatchCaptures_DevicesCapturingOnATimer_StreamCapturesBySelf()
    {
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("reader-1", "simulated-document", new { IntervalSeconds = 0.05 })]);
        var client = new CaptureService.CaptureServiceClient(gateway.Channel);
        using var watch = client.WatchCaptures(new WatchCapturesRequest(), cancellationToken: Timeout);

        var captures = await Read(watch, 3);

        Assert.Equal(3, captures.Count);
        Assert.All(captures, c => Assert.Equal(CaptureKind.Document, c.Kind));
        Assert.DoesNotContain(captures, c => c.TriggerId.Length > 0);
    }

    [Fact]
    public async Task WatchCaptures_AfterReconnect_ResumesAfterTheLastProcessedSequence()
    {
        await using var gateway = await RunningGateway.StartAsync(Devices);
        var client = new CaptureService.CaptureServiceClient(gateway.Channel);
        for (var i = 0; i < 3; i++)
        {
            await client.TriggerCaptureAsync(new TriggerCaptureRequest { DeviceId = "reader-1" }, cancellationToken: Timeout);
        }

        ulong last;
        using (var first = client.WatchCaptures(new WatchCapturesRequest { AfterSequence = 0 }, cancellationToken: Timeout))
        {
            var seen = await Read(first, 2);
            last = seen[^1].Sequence;
        }

        // Captures made while the client is away are held for it.
        await client.TriggerCaptureAsync(new TriggerCaptureRequest { DeviceId = "camera-1" }, cancellationToken: Timeout);
        using var resumed = client.WatchCaptures(new WatchCapturesRequest { AfterSequence = last }, cancellationToken: Timeout);
        var rest = await Read(resumed, 2);

        Assert.Equal(2UL, last);
        Assert.Equal([3UL, 4UL], rest.Select(c => c.Sequence));
        Assert.Equal("camera-1", rest[1].DeviceId);
    }

    [Fact]
    public async Task Acknowledge_ReleasedCapturesAreNotReplayed()
    {
        await using var gateway = await RunningGateway.StartAsync(Devices);
        var client = new CaptureService.CaptureServiceClient(gateway.Channel);
        var first = await client.TriggerCaptureAsync(new TriggerCaptureRequest { DeviceId = "reader-1" }, cancellationToken: Timeout);
        await client.TriggerCaptureAsync(new TriggerCaptureRequest { DeviceId = "reader-1" }, cancellationToken: Timeout);

        var ack = await client.AcknowledgeAsync(new AcknowledgeRequest { CaptureIds = { first.Id } }, cancellationToken: Timeout);
        using var watch = client.WatchCaptures(new WatchCapturesRequest(), cancellationToken: Timeout);

        Assert.Equal(1u, ack.Released);
        Assert.Equal(2UL, (await Read(watch, 1))[0].Sequence);
    }

    [Fact]
    public async Task TriggerCapture_UnknownDeviceOrKind_AnswersWithStatusCodes()
    {
        await using var gateway = await RunningGateway.StartAsync(Devices);
        var client = new CaptureService.CaptureServiceClient(gateway.Channel);

        var notFound = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.TriggerCaptureAsync(new TriggerCaptureRequest { DeviceId = "nope" }, cancellationToken: Timeout));
        var wrongKind = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.TriggerCaptureAsync(new TriggerCaptureRequest { DeviceId = "reader-1", Kind = CaptureKind.Portrait }, cancellationToken: Timeout));

        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, wrongKind.StatusCode);
    }
}
