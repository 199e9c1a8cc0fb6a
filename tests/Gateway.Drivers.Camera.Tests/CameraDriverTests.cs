using Gateway.Imaging;
using Gateway.Imaging.Portraits;
using Gateway.Imaging.TestMedia;
using Gateway.Imaging.TestMedia.Portraits;

namespace Gateway.Drivers.Camera.Tests;

/// <summary>The camera driver on generated MJPG videos and PNG sequences of the skimage astronaut scenes.</summary>
public sealed class CameraDriverTests : IDisposable
{
    private static readonly PortraitScene Good = PortraitScenes.Good;
    private readonly Media _media = new();
    private readonly RecordingContext _context = new();

    public void Dispose() => _media.Dispose();

    [Fact]
    public async Task Run_SourceOfAnotherSize_ReportsTheActualFormatAndTheDifference()
    {
        var path = _media.Avi(TestVideos.Numbered(3, 320, 240), fps: 12);

        await RunToEndAsync(Options(path) with { Width = 1280, Height = 720, Fps = 30 });

        Assert.Contains("320×240 @ 12 fps MJPG", _context.Identity!.Model, StringComparison.Ordinal);
        Assert.True(_context.Incidents.Reader.TryRead(out var incident));
        Assert.Equal("camera.format_differs", incident.Code);
        Assert.Contains("1280×720 asked, 320×240 delivered", incident.Detail, StringComparison.Ordinal);
        Assert.Contains("30 fps asked, 12 delivered", incident.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_GoodFramesInARow_CapturesATokenPortraitWithEveryCheck()
    {
        var path = _media.Avi((Good, 8));

        await RunToEndAsync(Options(path) with { StableFrames = 5 });

        var capture = Assert.Single(_context.AllCaptures());
        var portrait = Assert.IsType<PortraitPayload>(capture.Payload);
        Assert.Equal((ImageFormat.Jpeg, 480, 640), (portrait.Image.Format, portrait.Image.Width, portrait.Image.Height));
        Assert.Equal("ready", portrait.FeedbackCode);
        Assert.Equal(PortraitMeasureNames.All, capture.Checks.Select(c => c.Name));
        Assert.All(capture.Checks, c => Assert.Equal(CheckOutcome.Passed, c.Outcome));
        Assert.Equal(640, Frame.Decode(portrait.Image.Data.Span).Height);
    }

    [Fact]
    public async Task Run_GoodRunBrokenByABlurredFrame_WaitsForNConsecutiveGoodFrames()
    {
        var path = _media.Avi((Good, 4), (Good with { BlurSigma = 6 }, 1), (Good, 4));

        await RunToEndAsync(Options(path) with { StableFrames = 5 });

        Assert.Empty(_context.AllCaptures());
    }

    [Fact]
    public async Task Run_ExactlyNGoodFramesAfterABadOne_Captures()
    {
        var path = _media.Avi((Good with { Gain = 0.3 }, 3), (Good, 5));

        await RunToEndAsync(Options(path) with { StableFrames = 5 });

        Assert.Single(_context.AllCaptures());
    }

    [Fact]
    public async Task Run_RecaptureAfter_SpacesAutomaticCaptures()
    {
        var path = _media.Avi((Good, 12));

        await RunToEndAsync(Options(path) with { StableFrames = 3, RecaptureAfter = TimeSpan.FromHours(1) });

        Assert.Single(_context.AllCaptures());
    }

    [Fact]
    public async Task Trigger_OnADarkView_ForcesACaptureWhoseChecksSayWhy()
    {
        var path = _media.Avi((Good with { Gain = 0.3 }, 100));
        await using var driver = new CameraDriver("camera-1", Options(path) with { AtEnd = EndOfSource.Loop, RealTime = true });
        using var stop = new CancellationTokenSource();
        var run = driver.RunAsync(_context, stop.Token);
        await _context.WaitForStateAsync(DeviceState.Ready);

        var capture = await driver.CaptureAsync(CaptureKind.Portrait, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var portrait = Assert.IsType<PortraitPayload>(capture.Payload);
        Assert.Equal("too_dark", portrait.FeedbackCode);
        Assert.Equal(CheckOutcome.Failed, capture.Checks.Single(c => c.Name == PortraitMeasureNames.Brightness).Outcome);
        Assert.Empty(_context.AllCaptures());
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task Trigger_Image_GivesTheFullFrameAsJpeg()
    {
        var path = _media.Avi(TestVideos.Numbered(50, 320, 240));
        await using var driver = new CameraDriver("camera-1", Options(path) with { Mode = CameraMode.Document, AtEnd = EndOfSource.Loop });
        using var stop = new CancellationTokenSource();
        var run = driver.RunAsync(_context, stop.Token);
        await _context.WaitForStateAsync(DeviceState.Ready);

        var capture = await driver.CaptureAsync(CaptureKind.Image, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var image = Assert.Single(Assert.IsType<ImagePayload>(capture.Payload).Images);
        Assert.Equal((ImageFormat.Jpeg, 320, 240), (image.Format, image.Width, image.Height));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task Run_FileEnds_FaultsAsTransientSoTheGatewayReopensIt()
    {
        var path = _media.Avi(TestVideos.Numbered(3));
        await using var driver = new CameraDriver("camera-1", Options(path) with { AtEnd = EndOfSource.Fault });

        var ex = await Assert.ThrowsAsync<DeviceException>(() => driver.RunAsync(_context, CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("camera.source_ended", ex.Code);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task Run_AfterTheSourceEnded_ANewDriverPlaysItAgain()
    {
        var path = _media.Avi((Good, 6));
        var options = Options(path) with { AtEnd = EndOfSource.Fault, StableFrames = 5 };
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using var driver = new CameraDriver("camera-1", options);
            await Assert.ThrowsAsync<DeviceException>(() => driver.RunAsync(_context, CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(2, _context.AllCaptures().Count);
    }

    [Fact]
    public async Task Run_MissingFile_FaultsWithTheSourceMissing()
    {
        await using var driver = new CameraDriver("camera-1", Options("/nonexistent/booth.avi"));

        var ex = await Assert.ThrowsAsync<DeviceException>(() => driver.RunAsync(_context, CancellationToken.None));

        Assert.Equal("camera.source_missing", ex.Code);
    }

    [Fact]
    public async Task Run_ImageSequence_IsASourceToo()
    {
        var pattern = _media.Sequence(TestVideos.Repeat(Good with { Width = 640, Height = 480 }, 6));

        await RunToEndAsync(Options(pattern) with { StableFrames = 5 });

        Assert.Single(_context.AllCaptures());
    }

    [Fact]
    public async Task Run_DocumentCameraShowingAQrCode_PublishesTheBarcodeOnceStable()
    {
        var path = _media.Avi(Enumerable.Range(0, 6).Select(_ => OnPage(SyntheticBarcodes.Render("QR_CODE", "M1DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100"))));

        await RunToEndAsync(Options(path) with { Mode = CameraMode.Document, StableFrames = 3 });

        var barcode = Assert.IsType<BarcodePayload>(Assert.Single(_context.AllCaptures()).Payload);
        Assert.Equal("QR_CODE", barcode.Symbology);
        Assert.StartsWith("M1DESMARAIS", barcode.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_DocumentReadersGiven_UsesThemInsteadOfTheBarcodeEngine()
    {
        var path = _media.Avi(TestVideos.Numbered(4));
        var reader = new FixedReader();

        await RunToEndAsync(Options(path) with { Mode = CameraMode.Document, StableFrames = 2 }, [reader]);

        Assert.Equal(4, reader.Frames);
        Assert.Equal(["P<UTO"], Assert.IsType<DocumentPayload>(Assert.Single(_context.AllCaptures()).Payload).MrzLines);
    }

    [Fact]
    public async Task Preview_ViewerThatNeverReads_SlowsNeitherTheCameraNorTheOtherViewer()
    {
        var path = _media.Avi(TestVideos.Numbered(40, 320, 240));
        await using var driver = new CameraDriver("camera-1", Options(path) with { Mode = CameraMode.Document }, []);
        var stalled = driver.SubscribePreview(1, CancellationToken.None);
        var reading = driver.SubscribePreview(64, CancellationToken.None);

        await driver.RunAsync(_context, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        var all = new List<PreviewFrame>();
        await foreach (var frame in reading.ReadAllAsync())
        {
            all.Add(frame);
        }

        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), all.Select(f => f.Number));
        var newest = Assert.Single(await ReadAllAsync(stalled));
        Assert.Equal(40, newest.Number);
        var jpeg = newest.EncodeJpeg(maxWidth: 160, quality: 70);
        Assert.Equal((ImageFormat.Jpeg, 160, 120), (jpeg.Format, jpeg.Width, jpeg.Height));
    }

    [Fact]
    public async Task Preview_PortraitCamera_CarriesTheCurrentFeedback()
    {
        var path = _media.Avi((Good with { FaceSize = 0.15 }, 6));
        await using var driver = new CameraDriver("camera-1", Options(path) with { AtEnd = EndOfSource.Loop, RealTime = true });
        using var stop = new CancellationTokenSource();
        var viewer = driver.SubscribePreview(4, stop.Token);
        var run = driver.RunAsync(_context, stop.Token);

        // Frames grabbed before the first analysis carry no feedback; wait for one that does.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        QualityFeedback? feedback = null;
        while (feedback is null)
        {
            feedback = (await viewer.ReadAsync(timeout.Token)).Feedback;
        }

        Assert.Equal("move_closer", feedback.Code);
        Assert.Equal(CheckOutcome.Failed, feedback.Checks.Single(c => c.Name == PortraitMeasureNames.FaceSize).Outcome);
        Assert.Equal((0, 5), (feedback.GoodFrames, feedback.GoodFramesNeeded));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    private static async Task<List<PreviewFrame>> ReadAllAsync(System.Threading.Channels.ChannelReader<PreviewFrame> reader)
    {
        var frames = new List<PreviewFrame>();
        await foreach (var frame in reader.ReadAllAsync())
        {
            frames.Add(frame);
        }

        return frames;
    }

    private static CameraOptions Options(string source) => new()
    {
        Source = source,
        RealTime = false,
        FrameBuffer = 64,
        AtEnd = EndOfSource.Stop,
        RecaptureAfter = TimeSpan.Zero,
    };

    private static OpenCvSharp.Mat OnPage(OpenCvSharp.Mat barcode)
    {
        using (barcode)
        {
            var page = new OpenCvSharp.Mat(480, 640, OpenCvSharp.MatType.CV_8UC3, OpenCvSharp.Scalar.White);
            using var colour = new OpenCvSharp.Mat();
            OpenCvSharp.Cv2.CvtColor(barcode, colour, OpenCvSharp.ColorConversionCodes.GRAY2BGR);
            using var sized = new OpenCvSharp.Mat();
            OpenCvSharp.Cv2.Resize(colour, sized, new OpenCvSharp.Size(300, 300));
            using var target = new OpenCvSharp.Mat(page, new OpenCvSharp.Rect(170, 90, 300, 300));
            sized.CopyTo(target);
            return page;
        }
    }

    private async Task RunToEndAsync(CameraOptions options, IEnumerable<IDocumentFrameReader>? readers = null)
    {
        await using var driver = new CameraDriver("camera-1", options, readers);
        await driver.RunAsync(_context, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>A stand-in for the MRZ engine: reads the same line from every frame.</summary>
    private sealed class FixedReader : IDocumentFrameReader
    {
        public int Frames { get; private set; }

        public string Name => "fixed";

        public IReadOnlyList<DocumentReading> Read(Frame frame, CancellationToken cancellationToken)
        {
            Frames++;
            return [new DocumentReading("mrz:P<UTO", new DocumentPayload(["P<UTO"]))];
        }
    }
}
