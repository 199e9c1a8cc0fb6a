using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Gateway.Drivers.Fingerprint.Libfprint.Internal;

namespace Gateway.Drivers.Fingerprint.Libfprint;

/// <summary>
/// A fingerprint reader driven through libfprint: opens the reader, captures one flat finger on command (waiting for
/// it, reporting finger present/removed and every retry reason as incidents), and fails the device on a device error.
/// Linux only; elsewhere <see cref="RunAsync"/> ends with <c>libfprint.os_not_supported</c>.
/// </summary>
public sealed class LibfprintScanner : IFingerprintScanner
{
    /// <summary>How long closing may wait for the libfprint thread.</summary>
    private static readonly TimeSpan CloseLimit = TimeSpan.FromSeconds(30);

    private readonly LibfprintOptions _options;
    private readonly TaskCompletionSource _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _captureLock = new(1, 1);
    private IDeviceContext? _context;
    private GObjectHandle? _fpContext;
    private GObjectHandle? _device;
    private GCHandle _self;
    private nuint _statusHandler;
    private int _fingerStatus;
    private int _disposed;

    /// <summary>Creates the driver.</summary>
    /// <param name="options">Its settings.</param>
    public LibfprintScanner(LibfprintOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    public IReadOnlyList<CaptureKind> TriggerKinds { get; } = [CaptureKind.Fingerprint];

    /// <inheritdoc />
    public FingerprintCapabilities Capabilities => new([FingerCaptureMode.SingleFlat], _options.Ppi, 0, 0);

    /// <inheritdoc />
    public async Task RunAsync(IDeviceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await Task.Yield();
        if (!OperatingSystem.IsLinux())
        {
            throw new DeviceException("libfprint.os_not_supported", "libfprint readers are supported on Linux only; use the vendor's driver on this OS.", isTransient: false);
        }

        _context = context;
        context.ReportState(DeviceState.Starting);
        var (driver, name) = await LibfprintThread.Shared.InvokeAsync(Open).WaitAsync(cancellationToken);
        Log.DeviceOpened(context.Logger, driver, name);
        context.ReportIdentity(new DeviceIdentity("libfprint", name, SerialNumber: null, Firmware: driver));
        context.ReportState(DeviceState.Ready);
        await _failed.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<CaptureData> CaptureAsync(CaptureKind kind, CancellationToken cancellationToken) =>
        kind == CaptureKind.Fingerprint
            ? CaptureFingersAsync(new FingerCaptureRequest([_options.Finger]), cancellationToken)
            : throw new DeviceException("device.kind_not_supported", $"A fingerprint reader does not capture {kind}.", isTransient: false);

    /// <inheritdoc />
    public async Task<CaptureData> CaptureFingersAsync(FingerCaptureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = _context ?? throw new InvalidOperationException("The device is not running.");
        if (request.Positions.Count != 1 || request.Positions[0] is < FingerPosition.RightThumb or > FingerPosition.LeftLittle)
        {
            throw new DeviceException(
                "libfprint.mode_not_supported", "A libfprint reader takes one finger at a time: ask for a single finger position.", isTransient: false);
        }

        await _captureLock.WaitAsync(cancellationToken);
        try
        {
            context.ReportState(DeviceState.Busy);
            using var timeout = new CancellationTokenSource(_options.CaptureTimeout, context.TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var (pixels, width, height) = await LibfprintThread.Shared.InvokeAsync(() => Capture(linked.Token));
            if (timeout.IsCancellationRequested && pixels is null)
            {
                throw new DeviceException("libfprint.no_finger", $"No usable finger within {_options.CaptureTimeout.TotalSeconds:0} s.");
            }

            cancellationToken.ThrowIfCancellationRequested();
            var image = new CapturedImage(pixels!, ImageFormat.Gray8, width, height) { Ppi = _options.Ppi };
            return new CaptureData(new FingerprintPayload([new FingerImage(request.Positions[0], image)])
            {
                RequestedPositions = request.Positions,
                Impression = FingerImpression.LiveScanPlain,
            })
            {
                CapturedAt = context.TimeProvider.GetUtcNow(),
            };
        }
        catch (DeviceException ex) when (!ex.Code.StartsWith("libfprint.no_finger", StringComparison.Ordinal) && ex.Code != "libfprint.mode_not_supported")
        {
            // A device error ends the device, not only this capture: the gateway restarts the driver.
            Log.DeviceFailed(context.Logger, ex.Code);
            _failed.TrySetException(ex);
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

        if (_fpContext is not null || _device is not null)
        {
            // Bounded: a reader stuck in native code must not hold up the gateway's stop.
            try
            {
                await LibfprintThread.Shared.InvokeAsync(Close).WaitAsync(CloseLimit);
            }
            catch (TimeoutException)
            {
                if (_context is { } context)
                {
                    Log.CloseTimedOut(context.Logger, (int)CloseLimit.TotalSeconds);
                }
            }
        }

        _captureLock.Dispose();
    }

    /// <summary>On the libfprint thread: a context, the reader, opened.</summary>
    private (string Driver, string Name) Open()
    {
        if (_options.VirtualImageSocket.Length > 0)
        {
            // Native getenv does not see Environment.SetEnvironmentVariable: set it where libfprint reads it.
            Native.g_setenv("FP_VIRTUAL_IMAGE", _options.VirtualImageSocket, 1);
            Native.g_setenv("FP_DRIVERS_WHITELIST", "virtual_image", 1);
            Native.g_setenv("FP_DRIVERS_ALLOWLIST", "virtual_image", 1);
        }

        _fpContext = GObjectHandle.Own(Native.fp_context_new());
        var devices = Native.fp_context_get_devices(_fpContext); // GPtrArray*, owned by the context
        var (pdata, length) = (Marshal.ReadIntPtr(devices), (uint)Marshal.ReadInt32(devices, IntPtr.Size));
        var wanted = _options.Driver.Length > 0 ? _options.Driver : _options.VirtualImageSocket.Length > 0 ? "virtual_image" : null;
        for (var i = 0; i < length && _device is null; i++)
        {
            var candidate = Marshal.ReadIntPtr(pdata, i * IntPtr.Size);
            if (wanted is null || Native.Text(Native.fp_device_get_driver(candidate)) == wanted)
            {
                _device = GObjectHandle.Reference(candidate);
            }
        }

        if (_device is null)
        {
            throw new DeviceException(
                "libfprint.device_not_found",
                wanted is null ? "libfprint found no fingerprint reader." : $"libfprint found no reader of driver '{wanted}' ({length} readers found).");
        }

        using (var cancellable = GObjectHandle.Own(Native.g_cancellable_new()))
        {
            if (Native.fp_device_open_sync(_device, cancellable, out var error) == 0)
            {
                throw LibfprintErrors.ToException(Native.TakeError(error), "open");
            }
        }

        _self = GCHandle.Alloc(this);
        unsafe
        {
            _statusHandler = Native.g_signal_connect_data(_device, "notify::finger-status", &OnFingerStatus, GCHandle.ToIntPtr(_self), 0, 0);
        }

        return (Native.Text(Native.fp_device_get_driver(_device)), Native.Text(Native.fp_device_get_name(_device)));
    }

    /// <summary>On the libfprint thread: captures until an image comes, reporting retries; null pixels when cancelled.</summary>
    private (byte[]? Pixels, int Width, int Height) Capture(CancellationToken cancellationToken)
    {
        var device = _device ?? throw new InvalidOperationException("The reader is not open.");
        while (true)
        {
            using var cancellable = GObjectHandle.Own(Native.g_cancellable_new());
            nint raw;
            nint error;
            using (cancellationToken.Register(() => Native.g_cancellable_cancel(cancellable)))
            {
                raw = Native.fp_device_capture_sync(device, 1, cancellable, out error);
            }

            if (raw != 0)
            {
                using var image = GObjectHandle.Own(raw);
                var (width, height) = ((int)Native.fp_image_get_width(image), (int)Native.fp_image_get_height(image));
                var data = Native.fp_image_get_data(image, out var length);
                var pixels = new byte[(int)length];
                Marshal.Copy(data, pixels, 0, pixels.Length);
                return (pixels, width, height);
            }

            var info = Native.TakeError(error);
            if (LibfprintErrors.IsCancelled(info))
            {
                return (null, 0, 0);
            }

            if (LibfprintErrors.RetryReason(info) is { } reason)
            {
                Log.Retry(_context!.Logger, reason);
                _context.ReportIncident(new DeviceIncident(reason, $"libfprint retry {info.Code}: {info.Message}"));
                continue;
            }

            throw LibfprintErrors.ToException(info, "capture");
        }
    }

    /// <summary>On the libfprint thread: closes the reader and drops every reference.</summary>
    private void Close()
    {
        if (_device is not null)
        {
            if (_statusHandler != 0)
            {
                Native.g_signal_handler_disconnect(_device, _statusHandler);
            }

            if (Native.fp_device_close_sync(_device, 0, out var error) == 0 && error != 0)
            {
                // Closing a reader that failed or was never opened: nothing left to release in it.
                Native.TakeError(error);
            }

            _device.Dispose();
        }

        _fpContext?.Dispose();
        if (_self.IsAllocated)
        {
            _self.Free();
        }
    }

    /// <summary>GObject's notify::finger-status, called on the libfprint thread inside a *_sync call.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnFingerStatus(nint device, nint parameter, nint data)
    {
        if (GCHandle.FromIntPtr(data).Target is LibfprintScanner scanner)
        {
            scanner.FingerStatusChanged(Native.fp_device_get_finger_status(device));
        }
    }

    private void FingerStatusChanged(int status)
    {
        var previous = _fingerStatus;
        _fingerStatus = status;
        var context = _context;
        if (context is null)
        {
            return;
        }

        if ((status & Native.FingerNeeded) != 0 && (previous & Native.FingerNeeded) == 0)
        {
            context.ReportIncident(new DeviceIncident(FingerprintEvents.PlaceFinger, "The reader waits for a finger."));
        }

        if ((status & Native.FingerPresent) != 0 && (previous & Native.FingerPresent) == 0)
        {
            context.ReportIncident(new DeviceIncident(FingerprintEvents.FingerPresent, "A finger is on the reader."));
        }
        else if ((status & Native.FingerPresent) == 0 && (previous & Native.FingerPresent) != 0)
        {
            context.ReportIncident(new DeviceIncident(FingerprintEvents.FingerRemoved, "The finger was lifted."));
        }
    }
}
