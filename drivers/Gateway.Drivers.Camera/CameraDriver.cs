using System.Globalization;
using System.Threading.Channels;
using Gateway.Drivers.Camera.Internal;
using Gateway.Imaging.Portraits;
using Gateway.Imaging.Video;

namespace Gateway.Drivers.Camera;

/// <summary>
/// A webcam or document camera through OpenCV. A pump thread grabs frames into a buffer that drops the oldest; every
/// frame goes to the preview viewers, and the newest to the analysis: in portrait mode the quality gate (auto-capture
/// after <see cref="CameraOptions.StableFrames"/> good frames), in document mode the document frame readers (barcodes,
/// and the MRZ engine when it is given). A source that stops delivering faults the device; the gateway reopens it.
/// </summary>
public sealed class CameraDriver : ICamera, IPreviewSource
{
    private readonly CameraOptions _options;
    private readonly Func<IFrameSource> _open;
    private readonly IReadOnlyList<IDocumentFrameReader> _readers;
    private readonly PreviewHub _previews = new();
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<TimedFrame> _firstFrame = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<Analysed> _nextAnalysis = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Analysed? _latest;
    private TimedFrame? _latestFrame;
    private QualityFeedback? _feedback;
    private FramePump? _pump;
    private IFrameSource? _source;
    private PortraitAnalyzer? _analyzer;
    private TimeProvider _time = TimeProvider.System;

    /// <summary>A camera with the barcode engine as its document frame reader.</summary>
    /// <param name="deviceId">The configured device id.</param>
    /// <param name="options">The device's settings.</param>
    public CameraDriver(string deviceId, CameraOptions options)
        : this(deviceId, options, null)
    {
    }

    /// <summary>A camera with the given document frame readers (e.g. the barcode engine and the MRZ OCR engine).</summary>
    /// <param name="deviceId">The configured device id.</param>
    /// <param name="options">The device's settings.</param>
    /// <param name="documentReaders">The readers document frames go to; null = the barcode engine only.</param>
    public CameraDriver(string deviceId, CameraOptions options, IEnumerable<IDocumentFrameReader>? documentReaders)
        : this(deviceId, options, documentReaders, null)
    {
    }

    internal CameraDriver(string deviceId, CameraOptions options, IEnumerable<IDocumentFrameReader>? documentReaders, Func<IFrameSource>? open)
    {
        ArgumentNullException.ThrowIfNull(options);
        DeviceId = deviceId;
        _options = options;
        // The barcode engine (ZXing.Net) is loaded only by document cameras.
        _readers = documentReaders?.ToArray() ?? (options.Mode == CameraMode.Document ? [new BarcodeFrameReader(options.BarcodeBudget)] : []);
        _open = open ?? (() => new VideoFrameSource(VideoSource.Open(new VideoSourceRequest(options.Source)
        {
            Width = options.Width,
            Height = options.Height,
            Fps = options.Fps,
            FourCc = options.PixelFormat,
        })));
        TriggerKinds = options.Mode == CameraMode.Portrait ? [CaptureKind.Portrait, CaptureKind.Image] : [CaptureKind.Image];
    }

    /// <summary>The configured device id.</summary>
    public string DeviceId { get; }

    /// <inheritdoc />
    public IReadOnlyList<CaptureKind> TriggerKinds { get; }

    /// <summary>Frames grabbed and frames the analysis skipped (it was busy), since the device opened.</summary>
    public (long Grabbed, long Dropped) FrameCounts => _pump is { } pump ? (pump.Grabbed, pump.Dropped) : (0, 0);

    /// <inheritdoc />
    public async Task RunAsync(IDeviceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _time = context.TimeProvider;
        try
        {
            // Opening a camera or a stream blocks for a while (device negotiation, an RTSP handshake, loading the
            // cascades): do it off the caller's thread, as the driver contract asks.
            _source = await Task.Run(_open, cancellationToken);
        }
        catch (VideoSourceException ex)
        {
            throw new DeviceException(ex.Code, ex.Message, isTransient: true, ex);
        }

        var format = _source.Format;
        context.ReportIdentity(new DeviceIdentity("OpenCV", $"{_source.Kind} {format}"));
        Log.Opened(context.Logger, _source.Kind.ToString(), format.ToString(), _options.Width, _options.Height, _options.Fps, _options.PixelFormat, _options.Mode);
        ReportFormatDifferences(context, format);
        if (_options.Mode == CameraMode.Portrait)
        {
            try
            {
                _analyzer = new PortraitAnalyzer(_options.ToQualityOptions());
            }
            catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException)
            {
                throw new DeviceException("camera.cascade_missing", ex.Message, isTransient: false, ex);
            }
        }

        var interval = _options.RealTime && _source.Ends && format.Fps > 0 ? TimeSpan.FromSeconds(1 / format.Fps) : TimeSpan.Zero;
        _pump = new FramePump(_source, _options.FrameBuffer, _options.AtEnd == EndOfSource.Loop, interval, _time, OnGrabbed);
        _pump.Start();
        context.ReportState(DeviceState.Ready);

        var documents = new DocumentGate(_options.StableFrames);
        var streak = 0;
        var nextAuto = DateTimeOffset.MinValue;
        await foreach (var frame in _pump.Frames.ReadAllAsync(cancellationToken))
        {
            if (_analyzer is { } analyzer)
            {
                var analysis = analyzer.Analyze(frame.Frame);
                streak = analysis.Passed ? streak + 1 : 0;
                var analysed = new Analysed(frame, analysis, Checks.Feedback(analysis, streak, _options.StableFrames));
                Publish(analysed);
                if (streak >= _options.StableFrames && _time.GetUtcNow() >= nextAuto)
                {
                    Log.AutoCaptured(context.Logger, streak, frame.Number);
                    await context.PublishAsync(Portrait(analysed), cancellationToken);
                    streak = 0;
                    nextAuto = _time.GetUtcNow() + _options.RecaptureAfter;
                }
            }
            else
            {
                foreach (var reading in documents.Observe(ReadDocument(context, frame, cancellationToken)))
                {
                    Log.DocumentRead(context.Logger, reading.Payload.GetType().Name, _options.StableFrames, reading.Payload.Kind);
                    await context.PublishAsync(new CaptureData(reading.Payload) { CapturedAt = frame.GrabbedAt }, cancellationToken);
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var end = await _pump.Ended;
        Log.SourceStopped(context.Logger, end.End.ToString(), _pump.Grabbed, _pump.Dropped);
        _previews.Complete();
        switch (end.End)
        {
            case PumpEnd.Ended when _options.AtEnd == EndOfSource.Stop:
                return;
            case PumpEnd.Ended:
                throw new DeviceException("camera.source_ended", end.Reason, isTransient: true);
            default:
                throw new DeviceException("camera.source_lost", end.Reason, isTransient: true);
        }
    }

    /// <inheritdoc />
    public ChannelReader<PreviewFrame> SubscribePreview(int capacity, CancellationToken cancellationToken) =>
        _previews.Subscribe(capacity, cancellationToken);

    /// <inheritdoc />
    public async Task<CaptureData> CaptureAsync(CaptureKind kind, CancellationToken cancellationToken)
    {
        if (kind == CaptureKind.Image)
        {
            var frame = Volatile.Read(ref _latestFrame) ?? await _firstFrame.Task.WaitAsync(cancellationToken);
            var jpeg = frame.Frame.EncodeJpeg(_options.JpegQuality);
            return new CaptureData(new ImagePayload([new CapturedImage(jpeg.Data, ImageFormat.Jpeg, jpeg.Width, jpeg.Height) { Light = LightSource.Visible }]))
            {
                CapturedAt = frame.GrabbedAt,
            };
        }

        if (kind != CaptureKind.Portrait || _options.Mode != CameraMode.Portrait)
        {
            throw new DeviceException("camera.kind_unsupported", $"This camera cannot capture {kind}.", isTransient: false);
        }

        // Forced: the newest analysed frame whatever its quality (its checks say what failed); the first one if none yet.
        Task<Analysed> next;
        lock (_gate)
        {
            next = _nextAnalysis.Task;
        }

        var analysed = _latest ?? await next.WaitAsync(cancellationToken);
        return Portrait(analysed);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _pump?.Dispose();
        _previews.Complete();
        _analyzer?.Dispose();
        _source?.Dispose();
        _pump = null;
        _analyzer = null;
        _source = null;
        return ValueTask.CompletedTask;
    }

    private void OnGrabbed(TimedFrame frame)
    {
        Volatile.Write(ref _latestFrame, frame);
        _firstFrame.TrySetResult(frame);
        if (_previews.Count > 0)
        {
            _previews.Publish(new CameraPreviewFrame(frame, Volatile.Read(ref _feedback)));
        }
    }

    private void Publish(Analysed analysed)
    {
        Volatile.Write(ref _feedback, analysed.Feedback);
        TaskCompletionSource<Analysed> waiting;
        lock (_gate)
        {
            _latest = analysed;
            waiting = _nextAnalysis;
            _nextAnalysis = new TaskCompletionSource<Analysed>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        waiting.TrySetResult(analysed);
    }

    private CaptureData Portrait(Analysed analysed)
    {
        var token = TokenPortrait.Crop(analysed.Frame.Frame, analysed.Analysis, _options.TokenWidth, _options.JpegQuality);
        var image = new CapturedImage(token.Data, ImageFormat.Jpeg, token.Width, token.Height) { Light = LightSource.Visible };
        return new CaptureData(new PortraitPayload(image) { FeedbackCode = analysed.Feedback.Code })
        {
            Checks = analysed.Feedback.Checks,
            CapturedAt = analysed.Frame.GrabbedAt,
        };
    }

    private List<DocumentReading> ReadDocument(IDeviceContext context, TimedFrame frame, CancellationToken cancellationToken)
    {
        var readings = new List<DocumentReading>();
        foreach (var reader in _readers)
        {
            try
            {
                readings.AddRange(reader.Read(frame.Frame, cancellationToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One bad frame (or a reader bug) costs that frame's reading, never the camera.
                Log.ReaderFailed(context.Logger, reader.Name, ex);
            }
        }

        return readings;
    }

    private void ReportFormatDifferences(IDeviceContext context, VideoFormat actual)
    {
        var differences = new List<string>();
        if (_options.Width > 0 && _options.Height > 0 && (actual.Width != _options.Width || actual.Height != _options.Height))
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"size {_options.Width}×{_options.Height} asked, {actual.Width}×{actual.Height} delivered"));
        }

        if (_options.Fps > 0 && actual.Fps > 0 && Math.Abs(actual.Fps - _options.Fps) > 0.5)
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"{_options.Fps:0.#} fps asked, {actual.Fps:0.#} delivered"));
        }

        if (_options.PixelFormat.Length == 4 && actual.FourCc.Length == 4 && !string.Equals(actual.FourCc, _options.PixelFormat, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add($"{_options.PixelFormat} asked, {actual.FourCc} delivered");
        }

        if (differences.Count > 0)
        {
            context.ReportIncident(new DeviceIncident("camera.format_differs", "The camera delivers another format than configured: " + string.Join("; ", differences)));
        }
    }

    private sealed record Analysed(TimedFrame Frame, PortraitAnalysis Analysis, QualityFeedback Feedback);
}
