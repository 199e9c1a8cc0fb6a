using Gateway.Contracts.Mapping;
using Gateway.Contracts.V1;
using Gateway.Drivers;
using Gateway.Emrtd;
using Gateway.Host.Captures;
using Gateway.Host.Configuration;
using Gateway.Host.Devices;
using Gateway.Mrz;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;
using ChipReadResult = Gateway.Emrtd.ChipReadResult;
using DeviceIncident = Gateway.Drivers.DeviceIncident;
using IncidentSeverity = Gateway.Drivers.IncidentSeverity;
using MrzResult = Gateway.Mrz.MrzResult;

namespace Gateway.Host.Chip;

/// <summary>
/// Reads the ePassport chip on a card reader with the key of the document the booth has just read: when a card arrives
/// on a reader and a document's MRZ is fresh (or a document is read while the card lies there), the chip is opened with
/// that MRZ (PACE first, BAC only when allowed), read, verified against the CSCA folder, compared field by field with the
/// document's MRZ, and published as a chip capture of the reader's device — journalled and streamed like every capture.
/// A card that leaves mid-read, or a read that fails, is an incident on the device; the card is read again when it is put
/// back or another document is read.
/// </summary>
internal sealed class ChipReading(
    DeviceRegistry registry,
    CaptureHub hub,
    DeviceEventHub events,
    IOptions<GatewayOptions> options,
    Texts texts,
    TimeProvider time,
    ILogger<ChipReading> logger) : BackgroundService
{
    /// <summary>A chip read was interrupted (the card left, the reader failed); the card is read again when put back.</summary>
    public const string ReadInterrupted = "chip.read_interrupted";

    /// <summary>A card was placed while no document's MRZ was fresh: the booth must read the document first.</summary>
    public const string WaitingForMrz = "chip.waiting_for_mrz";

    private readonly ChipOptions _options = options.Value.Chip;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CardSlot> _slots = new(StringComparer.Ordinal);
    private DocumentKey? _latest;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var presence = events.Watch(stoppingToken);
        using var documents = hub.Subscribe(hub.LastSequence);
        await Task.WhenAll(WatchPresenceAsync(presence, stoppingToken), WatchDocumentsAsync(documents, stoppingToken));
    }

    private async Task WatchPresenceAsync(System.Threading.Channels.ChannelReader<DeviceEvent> presence, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var e in presence.ReadAllAsync(stoppingToken))
            {
                if (e.EventCase != DeviceEvent.EventOneofCase.DocumentPresence || !TryGetCardReader(e.DeviceId, out var device))
                {
                    continue;
                }

                DocumentKey? key;
                lock (_gate)
                {
                    // A card put back (or a new one) is read again.
                    Slot(e.DeviceId).ReadFor = null;
                    key = e.DocumentPresence.Placed ? Fresh() : null;
                }

                if (e.DocumentPresence.Placed)
                {
                    if (key is null)
                    {
                        Report(device, WaitingForMrz, "no document MRZ read in the last " + _options.KeyLifetime, IncidentSeverity.Warning);
                    }
                    else
                    {
                        Start(device, key, stoppingToken);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WatchDocumentsAsync(CaptureSubscription documents, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var capture in documents.ReadAllAsync(stoppingToken))
            {
                if (capture.PayloadCase != Capture.PayloadOneofCase.Document || capture.Document.MrzLines.Count == 0)
                {
                    continue;
                }

                MrzResult mrz;
                try
                {
                    mrz = MrzParser.Parse(capture.Document.MrzLines);
                }
                catch (Exception e) when (e is FormatException or ArgumentException)
                {
                    continue;
                }

                if (MrzAccessKey.FromMrz(mrz) is null)
                {
                    continue;
                }

                var key = new DocumentKey(capture.Id, mrz, time.GetUtcNow());
                lock (_gate)
                {
                    _latest = key;
                }

                // A card may already lie on a reader (placed before the document was read, or before the gateway started).
                foreach (var device in registry.Devices.Where(d => d.CardPresent))
                {
                    Start(device, key, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Starts a read unless one with this document's key already ran or runs for the card on this device.</summary>
    private void Start(DeviceSupervisor device, DocumentKey key, CancellationToken stoppingToken)
    {
        lock (_gate)
        {
            var slot = Slot(device.DeviceId);
            if (!device.CardPresent || slot.ReadFor == key.CaptureId)
            {
                return;
            }

            slot.ReadFor = key.CaptureId;
        }

        _ = Task.Run(() => ReadAsync(device, key, stoppingToken), stoppingToken);
    }

    private async Task ReadAsync(DeviceSupervisor device, DocumentKey key, CancellationToken stoppingToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(_options.ReadTimeout);
            var capture = await device.WithDriverAsync(
                driver => driver is ICardReaderDevice reader ? ReadChipAsync(device, reader, key, timeout.Token) : Task.FromResult<Capture?>(null),
                null,
                exclusive: true,
                timeout.Token);
            if (capture is not null)
            {
                hub.Publish(capture);
                Log.ChipRead(logger, device.DeviceId, capture.Chip.AccessProtocol, capture.Verified, capture.Chip.ElapsedMs);
            }
        }
        catch (Exception e) when (e is ChipException or DeviceException or OperationCanceledException && !stoppingToken.IsCancellationRequested)
        {
            // The card left, the reader failed, or the chip stopped answering: nothing was published. The next placement
            // (or the next document) reads it again.
            lock (_gate)
            {
                if (_slots.TryGetValue(device.DeviceId, out var slot) && slot.ReadFor == key.CaptureId)
                {
                    slot.ReadFor = null;
                }
            }

            Report(device, ReadInterrupted, e is OperationCanceledException ? $"the chip gave no answer within {_options.ReadTimeout}" : e.Message, IncidentSeverity.Warning);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            Log.ChipReadFailed(logger, device.DeviceId, e);
            Report(device, ReadInterrupted, e.GetType().Name, IncidentSeverity.Error);
        }
    }

    private async Task<Capture?> ReadChipAsync(DeviceSupervisor device, ICardReaderDevice reader, DocumentKey key, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var connection = await reader.ConnectCardAsync(cancellationToken);
        var readOptions = new ChipReadOptions
        {
            AllowBac = _options.AllowBac,
            Csca = _options.CscaFolder.Length > 0 ? CscaStore.Load(_options.CscaFolder) : null,
            MaxKeyCorrections = _options.MaxKeyCorrections,
            DocumentMrz = key.Mrz,
            Culture = texts.UiCulture,
            TimeProvider = time,
        };
        var result = await ChipReader.ReadAsync(new Channel(connection), MrzAccessKey.FromMrz(key.Mrz)!, readOptions, cancellationToken);
        return ToCapture(device, result, connection.Reader, time.GetElapsedTime(started), key);
    }

    private Capture ToCapture(DeviceSupervisor device, ChipReadResult result, string reader, TimeSpan elapsed, DocumentKey key)
    {
        var now = time.GetUtcNow();
        var capture = new Capture
        {
            Id = Guid.CreateVersion7(now).ToString(),
            DeviceId = device.DeviceId,
            DeviceClass = (Contracts.V1.DeviceClass)device.DeviceClass,
            Kind = Contracts.V1.CaptureKind.Chip,
            CapturedAt = Timestamp.FromDateTimeOffset(now),
            // The document capture whose MRZ opened the chip, so a client can pair them.
            TriggerId = key.CaptureId,
            Chip = result.ToContract(reader, elapsed),
        };
        capture.Checks.AddRange(result.ContractChecks());

        // Passive authentication must hold, and nothing may fail — the chip disagreeing with the printed MRZ included.
        capture.Verified = result.Verified && capture.Checks.All(c => c.Outcome != Contracts.V1.CheckOutcome.Failed);
        return capture;
    }

    private DocumentKey? Fresh() => _latest is { } latest && time.GetUtcNow() - latest.At <= _options.KeyLifetime ? latest : null;

    private CardSlot Slot(string deviceId)
    {
        if (!_slots.TryGetValue(deviceId, out var slot))
        {
            _slots[deviceId] = slot = new CardSlot();
        }

        return slot;
    }

    private bool TryGetCardReader(string deviceId, out DeviceSupervisor device)
    {
        device = registry.Devices.FirstOrDefault(d => d.DeviceId == deviceId)!;
        return device is { HoldsCards: true };
    }

    private void Report(DeviceSupervisor device, string code, string detail, IncidentSeverity severity) =>
        ((IDeviceContext)device).ReportIncident(new DeviceIncident(code, detail, severity));

    /// <summary>A document's MRZ, the key to its chip, and when it was read.</summary>
    private sealed record DocumentKey(string CaptureId, MrzResult Mrz, DateTimeOffset At);

    /// <summary>What the service knows of one reader: the document the chip on it was read with (null: not yet).</summary>
    private sealed class CardSlot
    {
        public string? ReadFor { get; set; }
    }

    /// <summary>The driver's card connection as the eMRTD library's channel; device errors become transport errors.</summary>
    private sealed class Channel(ICardConnection connection) : ICardChannel
    {
        public bool SupportsExtendedLength => connection.SupportsExtendedLength;

        public async Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken)
        {
            try
            {
                return await connection.TransmitAsync(command, cancellationToken);
            }
            catch (DeviceException e)
            {
                throw new ChipException(ChipErrorKind.CardRemoved, e.Message, innerException: e);
            }
        }
    }
}
