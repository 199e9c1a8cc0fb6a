using System.Globalization;
using Gateway.Drivers.Sane.Internal;

namespace Gateway.Drivers.Sane;

/// <summary>
/// A flatbed or ID scanner driven through SANE: opens the scanner, sets mode, resolution, source and area, and on
/// command scans one page (progress in the log, the device Busy meanwhile) into a document capture with one visible-light
/// page as PNG, for the gateway's page pipeline. An empty feeder, a jam or an open cover fails that scan with an
/// incident and leaves the device ready; an I/O error fails the device (the gateway reopens it). Linux only; elsewhere,
/// or without libsane1, <see cref="RunAsync"/> ends at once with a clear, non-transient error.
/// </summary>
public sealed class SaneScanner : IDocumentReader, ITriggerableDevice
{
    /// <summary>How long closing may wait for the SANE thread (a cancelled scan drains for up to 10 s first).</summary>
    private static readonly TimeSpan CloseLimit = TimeSpan.FromSeconds(30);

    private readonly SaneScannerOptions _options;
    private readonly TaskCompletionSource _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _captureLock = new(1, 1);
    private IDeviceContext? _context;
    private SaneDevice? _device;
    private bool _started; // SANE thread only
    private int _ppi;
    private int _disposed;

    /// <summary>Creates the driver.</summary>
    /// <param name="options">Its settings.</param>
    public SaneScanner(SaneScannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    public IReadOnlyList<CaptureKind> TriggerKinds { get; } = [CaptureKind.Document, CaptureKind.Image];

    /// <inheritdoc />
    public async Task RunAsync(IDeviceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await Task.Yield();
        if (!OperatingSystem.IsLinux())
        {
            throw SaneErrors.NotSupportedOnThisOs();
        }

        _context = context;
        context.ReportState(DeviceState.Starting);
        var info = await SaneThread.Shared.InvokeAsync(() => Open(context)).WaitAsync(cancellationToken);
        Log.Opened(context.Logger, info.Name, info.Vendor, info.Model);
        context.ReportIdentity(new DeviceIdentity(info.Vendor, info.Model, SerialNumber: null, Firmware: "SANE " + SaneThread.Shared.Version));
        context.ReportState(DeviceState.Ready);
        await _failed.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <see cref="CaptureKind.Document"/> gives a document capture with the page (no MRZ lines: the gateway reads them from
    /// the page); <see cref="CaptureKind.Image"/> the page alone.
    /// </remarks>
    public async Task<CaptureData> CaptureAsync(CaptureKind kind, CancellationToken cancellationToken)
    {
        if (kind is not (CaptureKind.Document or CaptureKind.Image))
        {
            throw new DeviceException("device.kind_not_supported", $"A scanner does not capture {kind}.", isTransient: false);
        }

        var context = _context ?? throw new DeviceException("sane.not_running", "The scanner is not open.");
        await _captureLock.WaitAsync(cancellationToken);
        try
        {
            var device = _device ?? throw new DeviceException("sane.not_running", "The scanner is not open.");
            context.ReportState(DeviceState.Busy);
            using var timeout = new CancellationTokenSource(_options.ScanTimeout, context.TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var progress = new LogProgress(context);
            ScannedImage scanned;
            try
            {
                // The caller is answered at once; a cancelled scan is drained on the SANE thread (see SaneScan), and the
                // next scan queues behind it there.
                var scan = SaneThread.Shared.InvokeAsync(() => SaneScan.Run(device.Handle, progress, linked.Token));
                _ = scan.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                scanned = await scan.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new DeviceException("sane.timeout", $"The scan did not end within {_options.ScanTimeout.TotalSeconds:0} s.");
            }

            Log.Scanned(context.Logger, scanned.Width, scanned.Height, scanned.Channels, _ppi);
            var page = new CapturedImage(PngWriter.Encode(scanned, _ppi), ImageFormat.Png, scanned.Width, scanned.Height)
            {
                Light = LightSource.Visible,
                Ppi = _ppi,
            };
            CapturePayload payload = kind == CaptureKind.Document ? new DocumentPayload([]) { Pages = [page] } : new ImagePayload([page]);
            return new CaptureData(payload) { CapturedAt = context.TimeProvider.GetUtcNow() };
        }
        catch (DeviceException ex)
        {
            Log.ScanFailed(context.Logger, ex.Code);
            if (SaneErrors.FailsOnlyTheScan(ex.Code) || ex.Code is "sane.timeout" or "sane.not_running")
            {
                context.ReportIncident(new DeviceIncident(ex.Code, ex.Message));
            }
            else
            {
                // The scanner itself failed: the gateway restarts the driver, which reopens it.
                _failed.TrySetException(ex);
            }

            throw;
        }
        finally
        {
            if (!_failed.Task.IsCompleted)
            {
                context.ReportState(DeviceState.Ready);
            }

            _captureLock.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Queued behind an Open still running on the SANE thread (RunAsync cancelled during the start), so that one is
        // closed too. Bounded: a backend stuck in native code must not hold up the gateway's stop.
        try
        {
            await SaneThread.Shared.InvokeAsync(Close).WaitAsync(CloseLimit);
        }
        catch (TimeoutException)
        {
            if (_context is { } context)
            {
                Log.CloseTimedOut(context.Logger, (int)CloseLimit.TotalSeconds);
            }
        }

        _captureLock.Dispose();
    }

    /// <summary>On the SANE thread: starts SANE, opens the scanner and sets it up.</summary>
    private SaneDeviceInfo Open(IDeviceContext context)
    {
        SaneThread.Shared.Acquire(_options.ConfigDirectory);
        _started = true;
        var found = SaneDevice.List();
        Log.DevicesFound(context.Logger, SaneThread.Shared.Version, found.Count == 0 ? "none" : string.Join(", ", found.Select(d => $"{d.Name} ({d.Vendor} {d.Model})")));
        var (device, info) = SaneDevice.Open(_options.DeviceName, found);
        _device = device;

        Choose(device, "mode", _options.Mode, _options.Mode == "Color" ? ["color", "colour"] : ["gray", "grey"]);
        if (_options.Source.Length > 0)
        {
            Choose(device, "source", _options.Source, _options.Source == "ADF" ? ["adf", "feeder"] : ["flatbed"]);
        }

        Require(device, "resolution", _options.Resolution.ToString(CultureInfo.InvariantCulture));
        foreach (var (name, value) in new[] { ("tl-x", _options.AreaLeft), ("tl-y", _options.AreaTop), ("br-x", _options.AreaRight), ("br-y", _options.AreaBottom) })
        {
            if (value is { } millimetres)
            {
                Require(device, name, millimetres.ToString(CultureInfo.InvariantCulture));
            }
        }

        foreach (var (name, value) in _options.BackendOptions)
        {
            Require(device, name, value);
        }

        _ppi = (int)Math.Round(device.Number("resolution") ?? _options.Resolution);
        return info;
    }

    /// <summary>Sets a choice option to the backend's first choice that contains one of <paramref name="words"/>.</summary>
    private static void Choose(SaneDevice device, string option, string wanted, string[] words)
    {
        if (device.Option(option) is not { } descriptor)
        {
            return; // a scanner with one mode or one source has no such option
        }

        var choice = descriptor.Choices.FirstOrDefault(c => words.Any(w => c.Contains(w, StringComparison.OrdinalIgnoreCase)) && !c.Contains("duplex", StringComparison.OrdinalIgnoreCase))
            ?? descriptor.Choices.FirstOrDefault(c => words.Any(w => c.Contains(w, StringComparison.OrdinalIgnoreCase)))
            ?? throw new DeviceException(
                "sane.option_invalid", $"The scanner offers no {option} '{wanted}' (it offers: {string.Join(", ", descriptor.Choices)}).", isTransient: false);
        Require(device, option, choice);
    }

    private static void Require(SaneDevice device, string option, string value)
    {
        if (device.Set(option, value) is { } reason)
        {
            throw new DeviceException("sane.option_invalid", $"The scanner's option {option} cannot be set to '{value}': {reason}.", isTransient: false);
        }
    }

    /// <summary>On the SANE thread: closes the scanner and lets SANE stop if this was its last user.</summary>
    private void Close()
    {
        _device?.Dispose();
        _device = null;
        if (_started)
        {
            _started = false;
            SaneThread.Shared.Release();
        }
    }

    /// <summary>Scan progress, reported on the SANE thread as it reads.</summary>
    private sealed class LogProgress(IDeviceContext context) : IProgress<(int Percent, long Bytes)>
    {
        public void Report((int Percent, long Bytes) value) => Log.Progress(context.Logger, value.Percent, value.Bytes);
    }
}
