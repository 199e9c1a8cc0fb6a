using Gateway.Drivers.PageReader.Simulated.Specimens;

namespace Gateway.Drivers.PageReader.Simulated;

/// <summary>
/// A full-page reader with specimen documents: each document is placed on the glass (event), imaged under white,
/// infrared and ultraviolet light (one page capture, no MRZ of its own unless <see cref="SimulatedPageReaderOptions.DeviceMrz"/>),
/// and taken off (event) — by itself every <see cref="SimulatedPageReaderOptions.IntervalSeconds"/> and on command.
/// The gateway analyses the pages as it would a real reader's. Without the OCR-B font the device faults with
/// <c>page_reader.font_missing</c> (not transient) instead of printing an unreadable MRZ.
/// </summary>
public sealed class SimulatedPageReader : IDocumentReader, ITriggerableDevice
{
    /// <summary>Fault code when the OCR-B font is missing.</summary>
    public const string FontMissing = "page_reader.font_missing";

    private readonly string _deviceId;
    private readonly SimulatedPageReaderOptions _options;
    private readonly Random _random;
    private readonly SemaphoreSlim _captureLock = new(1, 1);
    private SpecimenRenderer? _renderer;
    private IDeviceContext? _context;
    private int _captures;

    /// <summary>Creates the device.</summary>
    /// <param name="deviceId">The configured device id.</param>
    /// <param name="options">Its settings.</param>
    public SimulatedPageReader(string deviceId, SimulatedPageReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _deviceId = deviceId;
        _options = options;
        _random = options.Seed == 0 ? new Random() : new Random(options.Seed);
    }

    /// <inheritdoc />
    public IReadOnlyList<CaptureKind> TriggerKinds { get; } = [CaptureKind.Document];

    /// <inheritdoc />
    public async Task RunAsync(IDeviceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            _renderer = new SpecimenRenderer(_options.Ppi, fontPath: _options.FontPath);
        }
        catch (FileNotFoundException ex)
        {
            throw new DeviceException(FontMissing, ex.Message, isTransient: false, ex);
        }

        _context = context;
        context.ReportIdentity(new DeviceIdentity("Simulated", "Specimen full-page reader", _deviceId, "1.0"));
        context.ReportState(DeviceState.Ready);
        if (_options.IntervalSeconds <= 0)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.TimeProvider, cancellationToken);
            return;
        }

        var interval = TimeSpan.FromSeconds(_options.IntervalSeconds);
        while (true)
        {
            await Task.Delay(interval, context.TimeProvider, cancellationToken);
            var capture = await CaptureAsync(CaptureKind.Document, cancellationToken);
            await context.PublishAsync(capture, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<CaptureData> CaptureAsync(CaptureKind kind, CancellationToken cancellationToken)
    {
        var (context, renderer) = (_context, _renderer) is ({ } c, { } r) ? (c, r) : throw new InvalidOperationException("The device is not running.");
        if (kind != CaptureKind.Document)
        {
            throw new DeviceException("device.kind_not_supported", $"This device does not capture {kind}.", isTransient: false);
        }

        await _captureLock.WaitAsync(cancellationToken);
        try
        {
            if (_options.FailAfterCaptures > 0 && _captures >= _options.FailAfterCaptures)
            {
                throw new DeviceException("simulated.injected_fault", $"Injected fault after {_captures} captures (FailAfterCaptures).");
            }

            context.ReportState(DeviceState.Busy);
            context.ReportDocumentPresence(placed: true);
            try
            {
                var now = context.TimeProvider.GetUtcNow();
                var format = _options.FormatsInTurn[_captures % _options.FormatsInTurn.Count];
                var document = SpecimenDocuments.Random(_random, format, DateOnly.FromDateTime(now.UtcDateTime));
                // Laid by hand: a few degrees off, somewhere near the middle, now and then upside down.
                var placement = new SpecimenPlacement(
                    (_random.NextDouble() * 6) - 3 + (_random.Next(10) == 0 ? 180 : 0),
                    (_random.NextDouble() * 8) - 4,
                    (_random.NextDouble() * 6) - 3);
                var images = await Task.Run(() => renderer.Render(document, placement, _random.Next()), cancellationToken);
                _captures++;
                var payload = new DocumentPayload(_options.DeviceMrz ? document.MrzLines : [])
                {
                    Pages =
                    [
                        Page(images.Visible, ImageFormat.Jpeg, LightSource.Visible, images),
                        Page(images.Infrared, ImageFormat.Png, LightSource.Infrared, images),
                        Page(images.Ultraviolet, ImageFormat.Jpeg, LightSource.Ultraviolet, images),
                    ],
                };
                return new CaptureData(payload) { CapturedAt = now };
            }
            finally
            {
                context.ReportDocumentPresence(placed: false);
                context.ReportState(DeviceState.Ready);
            }
        }
        finally
        {
            _captureLock.Release();
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _captureLock.Dispose();
        return ValueTask.CompletedTask;
    }

    private static CapturedImage Page(byte[] data, ImageFormat format, LightSource light, SpecimenImages images) =>
        new(data, format, images.Width, images.Height) { Light = light, Ppi = images.Ppi };
}

/// <summary>Makes <see cref="SimulatedPageReader"/>s: driver name <c>simulated-page-reader</c>.</summary>
public sealed class SimulatedPageReaderFactory : DriverFactory<SimulatedPageReaderOptions>
{
    /// <inheritdoc />
    public override string Name => "simulated-page-reader";

    /// <inheritdoc />
    public override DeviceClass DeviceClass => DeviceClass.DocumentReader;

    /// <inheritdoc />
    protected override IDeviceDriver Create(string deviceId, SimulatedPageReaderOptions options) => new SimulatedPageReader(deviceId, options);
}
