using Gateway.Contracts.V1;
using Gateway.Drivers;
using Gateway.Host.Captures;
using Gateway.Host.Configuration;
using Gateway.Host.Plugins;
using Google.Protobuf.WellKnownTypes;
using DeviceClass = Gateway.Drivers.DeviceClass;
using DeviceIdentity = Gateway.Drivers.DeviceIdentity;
using DeviceIncident = Gateway.Drivers.DeviceIncident;
using DeviceState = Gateway.Drivers.DeviceState;

namespace Gateway.Host.Devices;

/// <summary>
/// Runs one device: creates its driver, runs it, and when it fails reports Faulted and starts a new driver after an
/// exponential backoff. Nothing a driver does escapes this class, so one device never takes the gateway down.
/// </summary>
/// <remarks>
/// The backoff is a small loop rather than a retry policy because it must start again from the initial delay once a
/// driver has run well for a while, which a retry counter does not know.
/// </remarks>
internal sealed class DeviceSupervisor : IDeviceContext
{
    private readonly IDriverFactory _factory;
    private readonly DeviceOptions _device;
    private readonly SupervisorOptions _policy;
    private readonly CaptureFactory _captures;
    private readonly CaptureHub _hub;
    private readonly DeviceEventHub _events;
    private readonly Texts _texts;
    private readonly Telemetry.GatewayTelemetry? _telemetry;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _triggerLock = new(1, 1);
    private IDeviceDriver? _driver;
    private DeviceState _state = DeviceState.Starting;
    private string _reasonCode = string.Empty;
    private string _reason = string.Empty;
    private DateTimeOffset _stateSince;
    private DeviceIdentity? _identity;
    private uint _restarts;
    private readonly SemaphoreSlim _enabled = new(0);
    private readonly List<TaskCompletionSource> _readyWaiters = [];

    /// <summary>How long a capture asked of a device that is still opening waits for it.</summary>
    public static readonly TimeSpan StartingGrace = TimeSpan.FromSeconds(10);

    public DeviceSupervisor(
        DeviceOptions device,
        IDriverFactory factory,
        SupervisorOptions policy,
        CaptureFactory captures,
        CaptureHub hub,
        DeviceEventHub events,
        Texts texts,
        TimeProvider time,
        ILogger logger,
        Telemetry.GatewayTelemetry? telemetry = null)
    {
        _telemetry = telemetry;
        _device = device;
        _factory = factory;
        _policy = policy;
        _captures = captures;
        _hub = hub;
        _events = events;
        _texts = texts;
        TimeProvider = time;
        Logger = logger;
        _stateSince = time.GetUtcNow();
    }

    public string DeviceId => _device.Id;

    public DeviceClass DeviceClass => _factory.DeviceClass;

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    /// <summary>The running driver's live view, if it has one (a camera); null between restarts.</summary>
    public IPreviewSource? Preview
    {
        get
        {
            lock (_gate)
            {
                return _driver as IPreviewSource;
            }
        }
    }

    /// <summary>Whether the running driver holds smart cards (an ePassport chip reader); false between restarts.</summary>
    public bool HoldsCards
    {
        get
        {
            lock (_gate)
            {
                return _driver is ICardReaderDevice;
            }
        }
    }

    /// <summary>Whether a card lies on the running driver's reader now.</summary>
    public bool CardPresent
    {
        get
        {
            lock (_gate)
            {
                return _driver is ICardReaderDevice { CardPresent: true };
            }
        }
    }

    /// <summary>The device's current state as the public contract shows it.</summary>
    public Device Snapshot()
    {
        lock (_gate)
        {
            var device = new Device
            {
                Id = _device.Id,
                DeviceClass = (Contracts.V1.DeviceClass)_factory.DeviceClass,
                Driver = _factory.Name,
                State = (Contracts.V1.DeviceState)_state,
                ReasonCode = _reasonCode,
                Reason = _reason,
                StateSince = Timestamp.FromDateTimeOffset(_stateSince),
                Restarts = _restarts,
                Identity = new Contracts.V1.DeviceIdentity
                {
                    Vendor = _identity?.Vendor ?? string.Empty,
                    Model = _identity?.Model ?? string.Empty,
                    SerialNumber = _identity?.SerialNumber ?? string.Empty,
                    Firmware = _identity?.Firmware ?? string.Empty,
                },
            };
            if (_driver is ITriggerableDevice triggerable)
            {
                device.TriggerKinds.AddRange(triggerable.TriggerKinds.Select(k => (Contracts.V1.CaptureKind)k));
            }

            return device;
        }
    }

    /// <summary>Runs the device until <paramref name="stopping"/> is cancelled or its source ends.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            if (_factory is QuarantinedDriverFactory quarantined)
            {
                SetState(DeviceState.Malfunctioned, quarantined.ReasonCode, quarantined.Reason);
            }
            else if (await RunDriverAsync(stopping))
            {
                return;
            }

            if (stopping.IsCancellationRequested)
            {
                break;
            }

            // Out of service until a technician re-enables the device (one release per Enable, which only succeeds
            // while the device is Malfunctioned) or the gateway stops.
            try
            {
                await _enabled.WaitAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await ReleaseDriverAsync();
        SetState(DeviceState.Stopped, "gateway.stopping", _texts.Format("GatewayStopping"));
    }

    /// <summary>Puts a Malfunctioned device back in service; returns its state as the restart begins.</summary>
    /// <exception cref="DevicePreconditionException">The device is not out of service, or its driver package is not loaded.</exception>
    public Device Enable()
    {
        if (_factory is QuarantinedDriverFactory quarantined)
        {
            throw new DevicePreconditionException(_texts.Format("DriverPackageNotLoaded", _device.Id, quarantined.Reason));
        }

        lock (_gate)
        {
            if (_state != DeviceState.Malfunctioned)
            {
                throw new DevicePreconditionException(_texts.Format("DeviceNotQuarantined", _device.Id, _state));
            }

            _state = DeviceState.Starting;
        }

        // Taken before the run loop resumes, so the caller sees the restart, not whatever the driver does next.
        var snapshot = Snapshot();
        _enabled.Release();
        return snapshot;
    }

    /// <summary>
    /// Runs drivers with backoff until stopped (false), the source ended for good (true), or the device was taken out of
    /// service (false, state Malfunctioned).
    /// </summary>
    private async Task<bool> RunDriverAsync(CancellationToken stopping)
    {
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            SetState(DeviceState.Starting, string.Empty, string.Empty);
            var startedAt = TimeProvider.GetUtcNow();
            Task backoff;
            try
            {
                var driver = _factory.Create(_device.Id, _device.Settings);
                lock (_gate)
                {
                    _driver = driver;
                }

                // Task.Run: a driver that blocks before its first await must not block the other devices.
                await Task.Run(() => driver.RunAsync(this, stopping), stopping);
                if (!stopping.IsCancellationRequested)
                {
                    if (await ReleaseDriverAsync())
                    {
                        SetState(DeviceState.Stopped, "device.source_ended", _texts.Format("DeviceSourceEnded"));
                        return true;
                    }

                    return false;
                }

                break;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures = TimeProvider.GetUtcNow() - startedAt >= _policy.StableAfter ? 1 : failures + 1;
                var delay = Backoff(failures);
                var code = ex is DeviceException device ? device.Code : "driver.failed";
                Log.DeviceFaulted(Logger, _device.Id, code, delay.TotalSeconds, ex);
                if (!await ReleaseDriverAsync())
                {
                    return false;
                }

                lock (_gate)
                {
                    _restarts++;
                }

                if (_policy.DisableAfterFailures > 0 && failures >= _policy.DisableAfterFailures)
                {
                    SetState(DeviceState.Malfunctioned, "device.disabled", _texts.Format("DeviceDisabled", failures, _device.Id));
                    return false;
                }

                // The wait starts before Faulted is announced, so whoever sees Faulted can rely on the restart timer.
                backoff = Task.Delay(delay, TimeProvider, stopping);
                SetState(DeviceState.Faulted, code, _texts.Format("DeviceFaulted", _texts.DeviceError(code) ?? ex.Message, Math.Ceiling(delay.TotalSeconds)));
            }

            try
            {
                await backoff;
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return false;
    }

    /// <summary>
    /// Waits until the device is Ready (or Busy), at most <paramref name="timeout"/>: a booth asking for a capture while a
    /// camera is still opening should wait a moment, not fail. Returns false when the time ran out.
    /// </summary>
    public async Task<bool> WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        TaskCompletionSource ready;
        lock (_gate)
        {
            if (_state is DeviceState.Ready or DeviceState.Busy)
            {
                return true;
            }

            ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _readyWaiters.Add(ready);
        }

        try
        {
            await ready.Task.WaitAsync(timeout, TimeProvider, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        finally
        {
            lock (_gate)
            {
                _readyWaiters.Remove(ready);
            }
        }
    }

    /// <summary>Asks the device to capture <paramref name="kind"/> now (or, on a fingerprint scanner, <paramref name="fingers"/>), and publishes the capture.</summary>
    public async Task<Capture> TriggerAsync(Drivers.CaptureKind? kind, CancellationToken cancellationToken, IReadOnlyList<Drivers.FingerPosition>? fingers = null)
    {
        // A device still opening (just after the gateway started, or restarting) gets a moment before it is refused.
        if (Snapshot().State == Contracts.V1.DeviceState.Starting)
        {
            await WaitUntilReadyAsync(StartingGrace, cancellationToken);
        }

        IDeviceDriver? driver;
        DeviceState state;
        lock (_gate)
        {
            driver = _driver;
            state = _state;
        }

        if (driver is not ITriggerableDevice triggerable || (kind is { } k && !triggerable.TriggerKinds.Contains(k))
            || (fingers is { Count: > 0 } && driver is not IFingerprintScanner))
        {
            throw new DevicePreconditionException(_texts.Format("TriggerNotSupported", _device.Id, kind?.ToString() ?? "-"));
        }

        if (state is not (DeviceState.Ready or DeviceState.Busy))
        {
            throw new DevicePreconditionException(_texts.Format("DeviceNotReady", _device.Id, state));
        }

        await _triggerLock.WaitAsync(cancellationToken);
        try
        {
            var data = fingers is { Count: > 0 } && driver is IFingerprintScanner scanner
                ? await scanner.CaptureFingersAsync(new FingerCaptureRequest(fingers), cancellationToken)
                : await triggerable.CaptureAsync(kind ?? triggerable.TriggerKinds[0], cancellationToken);
            return Publish(data, Guid.CreateVersion7(TimeProvider.GetUtcNow()).ToString());
        }
        catch (DeviceException ex)
        {
            throw new DevicePreconditionException(_texts.Format("CaptureFailed", _device.Id, ex.Message));
        }
        finally
        {
            _triggerLock.Release();
        }
    }

    /// <summary>The driver name from configuration.</summary>
    public string DriverName => _factory.Name;

    /// <summary>
    /// Runs <paramref name="work"/> on the running driver (health checks); <paramref name="whenStopped"/> when no driver
    /// runs. <paramref name="exclusive"/> work (device I/O) never runs at the same time as a capture.
    /// </summary>
    public async Task<T> WithDriverAsync<T>(Func<IDeviceDriver, Task<T>> work, T whenStopped, bool exclusive, CancellationToken cancellationToken)
    {
        if (exclusive)
        {
            await _triggerLock.WaitAsync(cancellationToken);
        }

        try
        {
            IDeviceDriver? driver;
            lock (_gate)
            {
                driver = _driver;
            }

            return driver is null ? whenStopped : await work(driver);
        }
        finally
        {
            if (exclusive)
            {
                _triggerLock.Release();
            }
        }
    }

    /// <summary>Publishes a capture made for this device outside its driver's own loop (an injected one).</summary>
    public Capture PublishCapture(CaptureData data) => Publish(data);

    void IDeviceContext.ReportState(DeviceState state)
    {
        if (state is DeviceState.Faulted)
        {
            throw new ArgumentException("Report a fault by throwing from RunAsync.", nameof(state));
        }

        SetState(state, string.Empty, string.Empty);
    }

    void IDeviceContext.ReportIdentity(DeviceIdentity identity)
    {
        lock (_gate)
        {
            _identity = identity;
        }
    }

    void IDeviceContext.ReportIncident(DeviceIncident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        Log.DeviceIncident(Logger, _device.Id, incident.Code, incident.Severity, incident.Detail);
        _events.Publish(new DeviceEvent
        {
            DeviceId = _device.Id,
            Time = Timestamp.FromDateTimeOffset(TimeProvider.GetUtcNow()),
            Incident = new Contracts.V1.DeviceIncident
            {
                Code = incident.Code,
                Message = _texts.Incident(incident.Code) ?? incident.Detail,
                Detail = incident.Detail,
                Severity = (Contracts.V1.IncidentSeverity)incident.Severity,
            },
        });
    }

    void IDeviceContext.ReportDocumentPresence(bool placed) => _events.Publish(new DeviceEvent
    {
        DeviceId = _device.Id,
        Time = Timestamp.FromDateTimeOffset(TimeProvider.GetUtcNow()),
        DocumentPresence = new DocumentPresence { Placed = placed },
    });

    ValueTask IDeviceContext.PublishAsync(CaptureData capture, CancellationToken cancellationToken)
    {
        Publish(capture);
        return ValueTask.CompletedTask;
    }

    /// <summary>Verifies, journals and publishes what the driver captured, traced and timed from this moment on.</summary>
    private Capture Publish(CaptureData data, string? triggerId = null)
    {
        using var trace = _telemetry?.StartCapture(_device.Id, _factory.Name);
        var capture = _captures.Create(_device.Id, DeviceClass, data, triggerId);
        _hub.Publish(capture);
        trace?.Published(capture);
        return capture;
    }

    private TimeSpan Backoff(int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        return TimeSpan.FromTicks((long)Math.Min(_policy.InitialBackoff.Ticks * factor, _policy.MaxBackoff.Ticks));
    }

    private void SetState(DeviceState state, string code, string reason)
    {
        DeviceState previous;
        lock (_gate)
        {
            previous = _state;
            if (previous == state && _reasonCode == code)
            {
                return;
            }

            _state = state;
            _reasonCode = code;
            _reason = reason;
            _stateSince = TimeProvider.GetUtcNow();
            if (state is DeviceState.Ready or DeviceState.Busy)
            {
                foreach (var waiter in _readyWaiters)
                {
                    waiter.TrySetResult();
                }
            }
        }

        if (state is DeviceState.Busy || previous is DeviceState.Busy)
        {
            Log.DeviceBusyChanged(Logger, _device.Id, state);
        }
        else
        {
            Log.DeviceStateChanged(Logger, _device.Id, state, code);
        }
        _events.Publish(new DeviceEvent
        {
            DeviceId = _device.Id,
            Time = Timestamp.FromDateTimeOffset(TimeProvider.GetUtcNow()),
            StateChanged = new DeviceStateChanged { Device = Snapshot(), PreviousState = (Contracts.V1.DeviceState)previous },
        });
    }

    /// <summary>Disposes the driver; false (and the device out of service) when it did not stop in time.</summary>
    private async Task<bool> ReleaseDriverAsync()
    {
        IDeviceDriver? driver;
        lock (_gate)
        {
            driver = _driver;
            _driver = null;
        }

        if (driver is null)
        {
            return true;
        }

        try
        {
            // A driver whose dispose hangs (a serial port closed after pending I/O) must not hold the device.
            await driver.DisposeAsync().AsTask().WaitAsync(_policy.StopTimeout, TimeProvider);
        }
        catch (TimeoutException)
        {
            Log.DriverStopTimeout(Logger, _device.Id, _policy.StopTimeout.TotalSeconds);
            SetState(DeviceState.Malfunctioned, "driver.stop_timeout", _texts.Format("DriverStopTimeout", _policy.StopTimeout.TotalSeconds, _device.Id));
            return false;
        }
        catch (Exception ex)
        {
            Log.DriverDisposeFailed(Logger, _device.Id, ex);
        }

        return true;
    }
}
