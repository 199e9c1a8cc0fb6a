using Gateway.Contracts.V1;
using Gateway.Imaging.TestMedia.Portraits;

namespace Gateway.EndToEnd.Tests;

/// <summary>Live preview and portrait captures from the camera driver package, on a generated video, over gRPC.</summary>
public sealed class PreviewTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gateway-preview-");

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public void Dispose() => _folder.Delete(recursive: true);

    private string Video(int frames) =>
        TestVideos.WriteAvi(Path.Combine(_folder.FullName, "booth.avi"), TestVideos.Repeat(PortraitScenes.Good with { Width = 640, Height = 480 }, frames), 25);

    [Fact]
    public async Task StreamPreview_TwoViewersAtDifferentRates_EachGetsItsOwnRate()
    {
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("camera-1", "camera", new { Source = Video(50), AtEnd = "Loop" })]);
        var preview = new PreviewService.PreviewServiceClient(gateway.Channel);
        using var fast = preview.StreamPreview(new StreamPreviewRequest { DeviceId = "camera-1", MaxFps = 12, MaxWidth = 320 }, cancellationToken: Timeout);
        using var slow = preview.StreamPreview(new StreamPreviewRequest { DeviceId = "camera-1", MaxFps = 2, MaxWidth = 160, JpegQuality = 50 }, cancellationToken: Timeout);

        var slowFrames = new List<PreviewFrame>();
        using var stopSlow = new CancellationTokenSource();
        var slowReader = Task.Run(async () =>
        {
            try
            {
                while (await slow.ResponseStream.MoveNext(stopSlow.Token))
                {
                    lock (slowFrames)
                    {
                        slowFrames.Add(slow.ResponseStream.Current);
                    }
                }
            }
            catch (Grpc.Core.RpcException) when (stopSlow.IsCancellationRequested)
            {
            }
        });

        // Wait for both streams to run, then count over the fast viewer's next 24 frames (about 2 s at 12 fps).
        Assert.True(await fast.ResponseStream.MoveNext(Timeout));
        while (true)
        {
            lock (slowFrames)
            {
                if (slowFrames.Count > 0)
                {
                    break;
                }
            }

            await Task.Delay(20);
        }

        int slowBefore;
        lock (slowFrames)
        {
            slowBefore = slowFrames.Count;
        }

        var fastFrames = new List<PreviewFrame>();
        while (fastFrames.Count < 24 && await fast.ResponseStream.MoveNext(Timeout))
        {
            fastFrames.Add(fast.ResponseStream.Current);
        }

        await stopSlow.CancelAsync();
        await slowReader;
        var slowDuring = slowFrames.Count - slowBefore;
        var seconds = (fastFrames[^1].GrabbedAt.ToDateTimeOffset() - fastFrames[0].GrabbedAt.ToDateTimeOffset()).TotalSeconds;

        Assert.InRange(fastFrames.Count / Math.Max(seconds, 0.1), 6, 14);
        Assert.InRange(slowDuring, 1, (int)Math.Ceiling(seconds * 2) + 2);
        Assert.All(fastFrames, f => Assert.Equal(320u, f.Image.Width));
        Assert.All(slowFrames, f => Assert.Equal(160u, f.Image.Width));
        // The quality gate's feedback rides on the frames once the first frames have been analysed.
        Assert.Contains(fastFrames, f => !string.IsNullOrEmpty(f.Feedback?.Code));
    }

    [Fact]
    public async Task Camera_VideoEnds_FaultsAndReopensWhileCapturingPortraits()
    {
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("camera-1", "camera", new { Source = Video(12), StableFrames = 3, RecaptureAfter = "00:00:00.100" })]);
        var devices = new DeviceService.DeviceServiceClient(gateway.Channel);
        using var watch = new CaptureService.CaptureServiceClient(gateway.Channel).WatchCaptures(new WatchCapturesRequest(), cancellationToken: Timeout);

        Assert.True(await watch.ResponseStream.MoveNext(Timeout));
        var portrait = watch.ResponseStream.Current;
        Assert.Equal(CaptureKind.Portrait, portrait.Kind);
        Assert.True(portrait.Verified, string.Join(", ", portrait.Checks.Where(c => c.Outcome != CheckOutcome.Passed).Select(c => c.Name)));

        // The file plays out (AtEnd = Fault): the device is Faulted, then reopened, and captures again.
        using var events = devices.WatchDevices(new WatchDevicesRequest { DeviceId = "camera-1" }, cancellationToken: Timeout);
        var sawFaulted = false;
        while (await events.ResponseStream.MoveNext(Timeout))
        {
            var state = events.ResponseStream.Current.StateChanged?.Device.State;
            sawFaulted |= state == DeviceState.Faulted;
            if (sawFaulted && state == DeviceState.Ready)
            {
                break;
            }
        }

        Assert.True(sawFaulted);
        var camera = await devices.GetDeviceAsync(new GetDeviceRequest { DeviceId = "camera-1" }, cancellationToken: Timeout);
        Assert.True(camera.Restarts >= 1);
    }
}
