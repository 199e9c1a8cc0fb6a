using System.IO.Pipelines;
using System.Text;
using Gateway.Drivers.Serial.Framing;
using Gateway.Drivers.Serial.Internal;

namespace Gateway.Drivers.Serial;

/// <summary>
/// A document reader (swipe or full-page, with or without a barcode engine) that sends framed text over a serial or
/// USB virtual COM port. Each complete frame becomes a capture: MRZ frames a <see cref="DocumentPayload"/> (the host
/// parses and checks the lines), barcode frames a <see cref="BarcodePayload"/>. Framing errors become device
/// incidents; a port that vanishes faults the device, and the host opens it again with backoff.
/// </summary>
public sealed class SerialReaderDriver : IDocumentReader
{
    private readonly FrameProfile _profile;
    private readonly Func<IDeviceContext, Source> _open;
    private readonly DeviceIdentity _identity;
    private Source? _source;

    /// <summary>A driver for the port and framing of <paramref name="options"/>.</summary>
    /// <param name="deviceId">The configured device id.</param>
    /// <param name="options">The device's settings.</param>
    public SerialReaderDriver(string deviceId, SerialReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _profile = options.ToProfile();
        _identity = new DeviceIdentity(null, $"Serial reader ({_profile.Name})", SerialNumber: null, Firmware: null);
        _open = context =>
        {
            var connection = SerialConnection.Open(options, context.Logger, context.TimeProvider);
            Log.PortOpened(context.Logger, options.Port, options.BaudRate, _profile.Name);
            return new Source(connection.Input, () => connection.Failure, connection.DisposeAsync);
        };
        DeviceId = deviceId;
    }

    /// <summary>A driver that reads frames from <paramref name="input"/> instead of a port (tests, replays); the device stops when it ends.</summary>
    /// <param name="deviceId">The device id.</param>
    /// <param name="profile">How <paramref name="input"/> is framed.</param>
    /// <param name="input">The bytes the reader sends.</param>
    public SerialReaderDriver(string deviceId, FrameProfile profile, PipeReader input)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(input);
        _profile = profile;
        _identity = new DeviceIdentity(null, $"Serial reader ({profile.Name})");
        _open = _ => new Source(input, () => null, () => ValueTask.CompletedTask);
        DeviceId = deviceId;
    }

    /// <summary>The configured device id.</summary>
    public string DeviceId { get; }

    /// <inheritdoc />
    public async Task RunAsync(IDeviceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _source = _open(context);
        context.ReportIdentity(_identity);
        context.ReportState(DeviceState.Ready);

        var frames = new FrameReader(_source.Input, _profile, context.TimeProvider);
        while (await frames.ReadAsync(cancellationToken) is { } found)
        {
            switch (found)
            {
                case Frame frame:
                    await context.PublishAsync(Capture(frame, context.TimeProvider.GetUtcNow()), cancellationToken);
                    break;
                case FrameError error:
                    context.ReportIncident(new DeviceIncident(
                        error.Code,
                        $"{error.Detail} (stream offset {error.Offset})",
                        error.IsLoss ? IncidentSeverity.Error : IncidentSeverity.Warning));
                    break;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (_source.Failure() is { } failure)
        {
            throw failure;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_source is { } source)
        {
            _source = null;
            await source.DisposeAsync();
        }
    }

    private static CaptureData Capture(Frame frame, DateTimeOffset now)
    {
        CapturePayload payload = frame.Content == FrameContent.Barcode
            ? new BarcodePayload(AimSymbology.Of(frame.AimIdentifier), frame.Payload)
            {
                Text = Encoding.ASCII.GetString(frame.Payload.Span),
                AimIdentifier = frame.AimIdentifier,
            }
            : new DocumentPayload(frame.Lines);
        return new CaptureData(payload) { CapturedAt = now };
    }

    /// <summary>Where the bytes come from, why they stopped, and how to let go of it.</summary>
    private sealed record Source(PipeReader Input, Func<DeviceException?> Failure, Func<ValueTask> DisposeAsync);
}
