using Gateway.Contracts.V1;
using Gateway.Drivers;
using Gateway.Drivers.Conformance;
using Gateway.Drivers.Simulated;
using Gateway.Host.Captures;
using Gateway.Host.Verification;
using Gateway.Imaging.Fingerprints.Iso19794;
using Microsoft.Extensions.Time.Testing;
using CheckOutcome = Gateway.Contracts.V1.CheckOutcome;
using FingerImage = Gateway.Drivers.FingerImage;
using FingerPosition = Gateway.Drivers.FingerPosition;
using ImageFormat = Gateway.Drivers.ImageFormat;

namespace Gateway.Host.Tests.Verification;

public sealed class FingerprintVerifierTests
{
    private static CaptureFactory Factory(int minimumQuality = 40, string language = "en")
    {
        var options = TestOptions.Gateway(o =>
        {
            o.Fingerprints.MinimumQuality = minimumQuality;
            o.Language = language;
        });
        return new CaptureFactory([new FingerprintVerifier(options, new FingerprintTexts(options))], new FakeTimeProvider());
    }

    private static async Task<CaptureData> SimulatedAsync(params FingerPosition[] positions)
    {
        var scanner = new SimulatedFingerprintScanner("fp-1", new SimulatedFingerprintScannerOptions { IntervalSeconds = 0, Seed = 7 });
        var context = new ConformanceContext("fp-1");
        using var stop = new CancellationTokenSource();
        _ = scanner.RunAsync(context, stop.Token);
        Assert.True(await context.WaitForStateAsync(Drivers.DeviceState.Ready, TimeSpan.FromSeconds(5)));
        var data = await scanner.CaptureFingersAsync(new FingerCaptureRequest(positions), CancellationToken.None);
        Assert.Equal(
            [FingerprintEvents.PlaceFinger, FingerprintEvents.FingerPresent, FingerprintEvents.FingerRemoved],
            context.Incidents.Select(i => i.Code));
        await stop.CancelAsync();
        await scanner.DisposeAsync();
        return data;
    }

    [Fact]
    public async Task Verify_RightSlap_FourFingersPresentScoredAndRecorded()
    {
        var capture = Factory().Create("fp-1", Drivers.DeviceClass.FingerprintScanner, await SimulatedAsync(FingerPosition.PlainRightFourFingers));

        var fingerprints = capture.Fingerprints;
        Assert.Equal([Contracts.V1.FingerPosition.PlainRightFourFingers], fingerprints.RequestedPositions);
        Assert.Equal(
            [Contracts.V1.FingerPosition.RightIndex, Contracts.V1.FingerPosition.RightMiddle, Contracts.V1.FingerPosition.RightRing, Contracts.V1.FingerPosition.RightLittle],
            fingerprints.Segments.Select(s => s.Position));
        foreach (var segment in fingerprints.Segments)
        {
            Assert.True(segment.Quality.Score >= 40, $"{segment.Position} scored {segment.Quality.Score}.");
            Assert.Equal(8, segment.Quality.Measures.Count);
            var record = FingerImageRecordReader.Read(segment.Iso197944Record.Span);
            var view = Assert.Single(record.Record!.Views);
            Assert.Equal((int)segment.Position, (int)view.Position);
            Assert.Equal(segment.Quality.Score, view.Quality);
            Assert.Equal(segment.Image.Data.ToByteArray(), view.ImageData.ToArray());
        }

        Assert.Equal(8, capture.Checks.Count);
        Assert.Contains(capture.Checks, c => c.Name == "fingerprint.right_little.quality" && c.Outcome == CheckOutcome.Passed);
        Assert.True(capture.Verified);
        Assert.Equal("good", fingerprints.FeedbackCode);
        Assert.Equal("Good: the fingerprints are usable.", fingerprints.Feedback);
    }

    [Fact]
    public async Task Verify_QualityBelowTheThreshold_IsNotVerifiedAndSaysWhy()
    {
        var capture = Factory(minimumQuality: 100, language: "fr").Create("fp-1", Drivers.DeviceClass.FingerprintScanner, await SimulatedAsync(FingerPosition.RightThumb));

        var quality = Assert.Single(capture.Checks, c => c.Name == "fingerprint.right_thumb.quality");
        Assert.Equal(CheckOutcome.Failed, quality.Outcome);
        Assert.Contains("(≥ 100)", quality.Detail, StringComparison.Ordinal);
        Assert.False(capture.Verified);
        Assert.NotEqual("good", capture.Fingerprints.FeedbackCode);
        Assert.DoesNotContain("Feedback_", capture.Fingerprints.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_SlapAskedButOneFingerDelivered_MissingFingersFail()
    {
        var data = await SimulatedAsync(FingerPosition.RightIndex);
        var payload = (FingerprintPayload)data.Payload;
        data = data with { Payload = payload with { RequestedPositions = [FingerPosition.PlainRightFourFingers] } };

        var capture = Factory().Create("fp-1", Drivers.DeviceClass.FingerprintScanner, data);

        Assert.Equal(CheckOutcome.Passed, capture.Checks.Single(c => c.Name == "fingerprint.right_index.present").Outcome);
        Assert.Equal(CheckOutcome.Failed, capture.Checks.Single(c => c.Name == "fingerprint.right_middle.present").Outcome);
        Assert.False(capture.Verified);
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("wrong-size")]
    [InlineData("noise")]
    public void Verify_BadImage_IsAFailedCheckNotAnException(string input)
    {
        var image = input switch
        {
            "empty" => new CapturedImage(ReadOnlyMemory<byte>.Empty, ImageFormat.Png, 0, 0),
            "wrong-size" => new CapturedImage(new byte[1000], ImageFormat.Gray8, 320, 400),
            _ => new CapturedImage(RandomBytes(8 * 1024 * 1024), ImageFormat.Png, 2000, 4000),
        };
        var data = new CaptureData(new FingerprintPayload([new FingerImage(FingerPosition.RightIndex, image)]));

        var capture = Factory().Create("fp-1", Drivers.DeviceClass.FingerprintScanner, data);

        var check = Assert.Single(capture.Checks, c => c.Name == "fingerprint.image.0");
        Assert.Equal(CheckOutcome.Failed, check.Outcome);
        Assert.Matches("^image\\.(unreadable|size_mismatch)", check.Detail);
        Assert.Equal(CheckOutcome.Failed, capture.Checks.Single(c => c.Name == "fingerprint.right_index.present").Outcome);
        Assert.False(capture.Verified);
        Assert.Equal("no_finger", capture.Fingerprints.FeedbackCode);
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(5).NextBytes(bytes);
        return bytes;
    }
}
