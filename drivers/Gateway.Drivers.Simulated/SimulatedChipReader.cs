using System.Threading.Channels;
using Gateway.Drivers.Simulated.Internal;
using Gateway.VirtualChip;

namespace Gateway.Drivers.Simulated;

/// <summary>Settings of the <c>simulated-chip</c> driver.</summary>
public sealed class SimulatedChipReaderOptions
{
    /// <summary>
    /// A folder the simulator writes its test CSCA certificate into (<c>simulated-csca.pem</c>), for a training setup whose
    /// <c>Gateway:Chip:CscaFolder</c> should trust it. Empty (default): nothing is written, and the simulated chips read
    /// but do not verify — a gateway must never trust a simulator's CSCA by default.
    /// </summary>
    public string CscaFolder { get; set; } = string.Empty;

    /// <summary>How long after a document is read the traveller lays it on the chip reader. Default 0.5 s.</summary>
    public TimeSpan PlaceAfter { get; set; } = TimeSpan.FromMilliseconds(500);
}

/// <summary>
/// A contactless chip reader holding our own virtual ePassport: each passport or ID card the simulated document reader
/// reads is laid on it a moment later (the previous one taken off), with a chip whose DG1 is that MRZ, signed under a
/// test PKI generated at start. The gateway reads it through <see cref="ICardReaderDevice"/> like a real reader.
/// </summary>
public sealed class SimulatedChipReader(SimulatedChipReaderOptions options) : IDeviceDriver, ICardReaderDevice
{
    private readonly Lock _gate = new();
    private readonly Channel<string> _documents = Channel.CreateUnbounded<string>();
    private TestPki? _pki;
    private VirtualPassport? _card;

    /// <inheritdoc/>
    public bool CardPresent
    {
        get
        {
            lock (_gate)
            {
                return _card is not null;
            }
        }
    }

    /// <inheritdoc/>
    public async Task RunAsync(IDeviceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await Task.Yield();
        _pki = TestPki.Create(context.TimeProvider.GetUtcNow());
        if (options.CscaFolder.Length > 0)
        {
            try
            {
                Directory.CreateDirectory(options.CscaFolder);
                await File.WriteAllTextAsync(Path.Combine(options.CscaFolder, "simulated-csca.pem"), _pki.Csca.ExportCertificatePem(), cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DeviceException("simulated.csca_folder_unwritable", $"The simulated chip reader cannot write its test CSCA into {options.CscaFolder}: {e.Message}", isTransient: false, e);
            }
        }

        SimulatedDesk.DocumentRead += OnDocumentRead;
        try
        {
            context.ReportIdentity(new DeviceIdentity("Simulated", "Specimen chip reader", context.DeviceId, "1.0"));
            context.ReportState(DeviceState.Ready);
            await foreach (var mrz in _documents.Reader.ReadAllAsync(cancellationToken))
            {
                Take(context);
                if (mrz.Length == 0)
                {
                    continue;
                }

                await Task.Delay(options.PlaceAfter, context.TimeProvider, cancellationToken);
                var card = new VirtualPassport(PassportContent.Build(new PassportSpec { Mrz = mrz }, _pki));
                lock (_gate)
                {
                    _card = card;
                }

                context.ReportDocumentPresence(true);
            }
        }
        finally
        {
            SimulatedDesk.DocumentRead -= OnDocumentRead;
        }
    }

    /// <inheritdoc/>
    public Task<ICardConnection> ConnectCardAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _card is { } card
                ? Task.FromResult<ICardConnection>(new Connection(card))
                : throw new DeviceException("simulated.no_card", "No document lies on the simulated chip reader.");
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        SimulatedDesk.DocumentRead -= OnDocumentRead;
        _pki?.Dispose();
        _pki = null;
        return ValueTask.CompletedTask;
    }

    /// <summary>Lays a document on the reader as if the traveller had (tests; the simulated document reader does this itself).</summary>
    /// <param name="mrz">The document's MRZ lines joined by new lines.</param>
    public void Place(string mrz) => _documents.Writer.TryWrite(mrz);

    /// <summary>Takes the document off the reader (tests); the next document read replaces it anyway.</summary>
    public void Remove() => _documents.Writer.TryWrite(string.Empty);

    private void OnDocumentRead(string mrz) => Place(mrz);

    private void Take(IDeviceContext context)
    {
        lock (_gate)
        {
            if (_card is null)
            {
                return;
            }

            _card = null;
        }

        context.ReportDocumentPresence(false);
    }

    /// <summary>The virtual chip, powered up for this connection.</summary>
    private sealed class Connection : ICardConnection
    {
        private readonly VirtualPassport _card;

        public Connection(VirtualPassport card)
        {
            _card = card;
            _card.Reset();
        }

        public string Reader => "Simulated contactless reader";

        public bool SupportsExtendedLength => false;

        public Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(_card.Process(command.Span));
        }

        public void Dispose()
        {
        }
    }
}

/// <summary>Makes <see cref="SimulatedChipReader"/>s: driver name <c>simulated-chip</c>.</summary>
public sealed class SimulatedChipReaderFactory : DriverFactory<SimulatedChipReaderOptions>
{
    /// <inheritdoc />
    public override string Name => "simulated-chip";

    /// <inheritdoc />
    public override DeviceClass DeviceClass => DeviceClass.DocumentReader;

    /// <inheritdoc />
    protected override IDeviceDriver Create(string deviceId, SimulatedChipReaderOptions options) => new SimulatedChipReader(options);
}
