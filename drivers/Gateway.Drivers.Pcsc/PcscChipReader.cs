using Gateway.Emrtd;

namespace Gateway.Drivers.Pcsc;

/// <summary>
/// A smart card reader as a gateway device: watches its reader for cards (reported as document presence, which is when
/// the gateway reads the chip) and carries the gateway's APDUs to the card. A reader that is unplugged, or a PC/SC
/// service that stops, faults the device with a clear reason; the gateway reopens it when it is back.
/// </summary>
public sealed class PcscChipReader : IDeviceDriver, ICardReaderDevice
{
    /// <summary>The PC/SC service is not running (<c>pcscd</c> on Linux, the Smart Card service on Windows).</summary>
    public const string ServiceUnavailable = "pcsc.service_unavailable";

    /// <summary>No PC/SC library on this machine (<c>libpcsclite.so.1</c>), or an operating system without PC/SC.</summary>
    public const string LibraryMissing = "pcsc.library_missing";

    /// <summary>No reader matches the device's <c>Reader</c> setting (or no reader at all): unplugged.</summary>
    public const string ReaderMissing = "pcsc.reader_missing";

    /// <summary>A card was asked for while none is on the reader, or it left mid-exchange.</summary>
    public const string NoCard = "pcsc.no_card";

    /// <summary>The card or reader failed an exchange.</summary>
    public const string TransmitFailed = "pcsc.transmit_failed";

    private readonly PcscChipReaderOptions _options;
    private readonly Lock _gate = new();
    private PcscContext? _readContext;
    private string? _reader;
    private bool _cardPresent;

    /// <summary>Creates the driver.</summary>
    /// <param name="options">Its settings.</param>
    public PcscChipReader(PcscChipReaderOptions options) => _options = options;

    /// <inheritdoc/>
    public bool CardPresent
    {
        get
        {
            lock (_gate)
            {
                return _cardPresent;
            }
        }
    }

    /// <inheritdoc/>
    public async Task RunAsync(IDeviceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var watch = Establish();
        var reader = Pick(watch.ListReaders())
            ?? throw new DeviceException(ReaderMissing, string.IsNullOrEmpty(_options.Reader)
                ? "No smart card reader is connected."
                : $"No smart card reader's name contains \"{_options.Reader}\".");
        var present = watch.GetStates().FirstOrDefault(s => s.Reader == reader)?.CardPresent ?? false;
        lock (_gate)
        {
            _readContext = Establish();
            _reader = reader;
            _cardPresent = present;
        }

        context.ReportIdentity(new DeviceIdentity(null, reader));
        context.ReportState(DeviceState.Ready);
        if (present)
        {
            context.ReportDocumentPresence(true);
        }

        await foreach (var e in watch.WatchAsync(cancellationToken).ConfigureAwait(false))
        {
            if (e.Reader != reader)
            {
                continue;
            }

            switch (e.Kind)
            {
                case PcscEventKind.CardInserted or PcscEventKind.CardRemoved:
                    var placed = e.Kind == PcscEventKind.CardInserted;
                    lock (_gate)
                    {
                        _cardPresent = placed;
                    }

                    context.ReportDocumentPresence(placed);
                    break;
                case PcscEventKind.ReaderLeft:
                    throw new DeviceException(ReaderMissing, $"The smart card reader \"{reader}\" was unplugged.");
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new DeviceException(ServiceUnavailable, "The PC/SC service stopped reporting reader changes.");
    }

    /// <inheritdoc/>
    public Task<ICardConnection> ConnectCardAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        PcscContext context;
        string reader;
        lock (_gate)
        {
            if (_readContext is null || _reader is null)
            {
                throw new DeviceException(ReaderMissing, "The smart card reader is not open.");
            }

            context = _readContext;
            reader = _reader;
        }

        try
        {
            return Task.FromResult<ICardConnection>(new Connection(context.Connect(reader)));
        }
        catch (PcscException e)
        {
            throw ToDeviceException(e.Kind, e.Message, e);
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _readContext?.Dispose();
            _readContext = null;
        }

        return ValueTask.CompletedTask;
    }

    private string? Pick(IReadOnlyList<string> readers) => string.IsNullOrEmpty(_options.Reader)
        ? readers.FirstOrDefault()
        : readers.FirstOrDefault(r => r.Contains(_options.Reader, StringComparison.OrdinalIgnoreCase));

    private static PcscContext Establish()
    {
        try
        {
            return PcscContext.Establish();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or PlatformNotSupportedException)
        {
            throw new DeviceException(LibraryMissing, "No PC/SC library on this machine (libpcsclite.so.1 from Debian's libpcsclite1, or winscard.dll).", isTransient: false, e);
        }
        catch (PcscException e)
        {
            throw new DeviceException(ServiceUnavailable, $"The PC/SC service is not available: {e.Message}", isTransient: true, e);
        }
    }

    private static DeviceException ToDeviceException(ChipErrorKind kind, string message, Exception inner) => kind switch
    {
        ChipErrorKind.CardRemoved or ChipErrorKind.NoCard => new DeviceException(NoCard, message, isTransient: true, inner),
        ChipErrorKind.ReaderUnavailable => new DeviceException(ReaderMissing, message, isTransient: true, inner),
        _ => new DeviceException(TransmitFailed, message, isTransient: true, inner),
    };

    /// <summary>A connected card; PC/SC errors become <see cref="DeviceException"/>s, the contract's error.</summary>
    private sealed class Connection(PcscCard card) : ICardConnection
    {
        public string Reader => card.Reader;

        public bool SupportsExtendedLength => card.SupportsExtendedLength;

        public async Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken)
        {
            try
            {
                return await card.TransmitAsync(command, cancellationToken).ConfigureAwait(false);
            }
            catch (ChipException e)
            {
                throw ToDeviceException(e.Kind, e.Message, e);
            }
        }

        public void Dispose() => card.Dispose();
    }
}
