namespace Gateway.Drivers.Simulated;

/// <summary>
/// The behaviour all simulated devices share: ready at once, a capture every interval and on command,
/// and an optional injected fault.
/// </summary>
public abstract class SimulatedDevice : IDeviceDriver, ITriggerableDevice
{
    private readonly SimulatedDeviceOptions _options;
    private readonly SemaphoreSlim _captureLock = new(1, 1);
    private IDeviceContext? _context;
    private int _captures;

    /// <summary>Creates the device.</summary>
    protected SimulatedDevice(string deviceId, SimulatedDeviceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        DeviceId = deviceId;
        _options = options;
        Random = options.Seed == 0 ? new Random() : new Random(options.Seed);
    }

    /// <summary>The configured device id.</summary>
    protected string DeviceId { get; }

    /// <summary>The running device's context; null before <see cref="RunAsync"/>.</summary>
    protected IDeviceContext? Context => _context;

    /// <summary>The generator behind every specimen this device makes.</summary>
    protected Random Random { get; }

    /// <inheritdoc />
    public abstract IReadOnlyList<CaptureKind> TriggerKinds { get; }

    /// <summary>What the simulator reports as its hardware.</summary>
    protected abstract DeviceIdentity Identity { get; }

    /// <inheritdoc />
    public async Task RunAsync(IDeviceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        context.ReportIdentity(Identity);
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
            var capture = await CaptureAsync(TriggerKinds[0], cancellationToken);
            await context.PublishAsync(capture, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<CaptureData> CaptureAsync(CaptureKind kind, CancellationToken cancellationToken)
    {
        var context = _context ?? throw new InvalidOperationException("The device is not running.");
        if (!TriggerKinds.Contains(kind))
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
            var now = context.TimeProvider.GetUtcNow();
            var payload = Make(kind, DateOnly.FromDateTime(now.UtcDateTime));
            _captures++;
            context.ReportState(DeviceState.Ready);
            return new CaptureData(payload) { CapturedAt = now };
        }
        finally
        {
            _captureLock.Release();
        }
    }

    /// <summary>Makes one specimen of <paramref name="kind"/> as of <paramref name="today"/>.</summary>
    protected abstract CapturePayload Make(CaptureKind kind, DateOnly today);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _captureLock.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
