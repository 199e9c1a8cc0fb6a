using System.IO.Pipelines;
using Gateway.Drivers.Serial.Framing;
using Gateway.Drivers.Serial.Tests.Socat;

namespace Gateway.Drivers.Serial.Tests;

/// <summary>The driver on one end of a real socat pseudo-terminal pair; the test writes as a reader on the other end.</summary>
public sealed class SerialReaderDriverTests : IAsyncLifetime
{
    private readonly RecordingContext _context = new(TimeProvider.System);
    private readonly CancellationTokenSource _stop = new();
    private SocatPair _pair = null!;
    private SerialConnection _reader = null!;

    public async Task InitializeAsync()
    {
        _pair = await SocatPair.StartAsync();
        _reader = SerialConnection.Open(new SerialReaderOptions { Port = _pair.ReaderEnd });
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reader.DisposeAsync();
        await _pair.DisposeAsync();
        _stop.Dispose();
    }

    private (SerialReaderDriver Driver, Task Run) Start(string profile, Action<SerialReaderOptions>? configure = null)
    {
        var options = new SerialReaderOptions { Port = _pair.GatewayEnd, Profile = profile };
        configure?.Invoke(options);
        var driver = new SerialReaderDriver("reader-1", options);
        return (driver, driver.RunAsync(_context, _stop.Token));
    }

    [Theory]
    [InlineData("lines")]
    [InlineData("desko-cute")]
    [InlineData("3m-rte")]
    public async Task Run_EachProfile_PublishesTheDocumentsLines(string profile)
    {
        var (driver, _) = Start(profile);
        await using var running = driver;
        await _context.WaitForStateAsync(DeviceState.Ready);

        _reader.Write(FrameWriter.Document(FrameProfiles.Find(profile)!, Specimens.Td3));

        Assert.Equal(Specimens.Td3, await _context.NextDocumentAsync());
        Assert.Equal($"Serial reader ({profile})", _context.Identity?.Model);
    }

    [Theory]
    [InlineData("lines")]
    [InlineData("desko-cute")]
    [InlineData("3m-rte")]
    public async Task Run_DocumentSplitAcrossManySmallWritesWithDelays_PublishesItOnce(string profile)
    {
        var (driver, _) = Start(profile);
        await using var running = driver;
        await _context.WaitForStateAsync(DeviceState.Ready);

        foreach (var chunk in FrameWriter.Document(FrameProfiles.Find(profile)!, Specimens.Td1).Chunk(7))
        {
            _reader.Write(chunk);
            await Task.Delay(15); // the wire's own pace: well under the inter-byte timeout
        }

        Assert.Equal(Specimens.Td1, await _context.NextDocumentAsync());
        Assert.False(_context.Incidents.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Run_TwoDocumentsBackToBackInOneWrite_PublishesBoth()
    {
        var (driver, _) = Start("desko-cute");
        await using var running = driver;
        await _context.WaitForStateAsync(DeviceState.Ready);

        _reader.Write([.. FrameWriter.Document(FrameProfiles.DeskoCute, Specimens.Td3), .. FrameWriter.Document(FrameProfiles.DeskoCute, Specimens.Td2)]);

        Assert.Equal(Specimens.Td3, await _context.NextDocumentAsync());
        Assert.Equal(Specimens.Td2, await _context.NextDocumentAsync());
    }

    [Fact]
    public async Task Run_NoiseBetweenFrames_ReportsAWarningAndPublishesBoth()
    {
        var (driver, _) = Start("3m-rte");
        await using var running = driver;
        await _context.WaitForStateAsync(DeviceState.Ready);

        _reader.Write([.. FrameWriter.Document(FrameProfiles.ThreeMRte, Specimens.Td3), 0x00, 0xFF, .. "~~"u8, .. FrameWriter.Document(FrameProfiles.ThreeMRte, Specimens.Td1)]);

        Assert.Equal(Specimens.Td3, await _context.NextDocumentAsync());
        Assert.Equal(Specimens.Td1, await _context.NextDocumentAsync());
        var noise = await _context.NextIncidentAsync();
        Assert.Equal(FrameErrorCodes.Noise, noise.Code);
        Assert.Equal(IncidentSeverity.Warning, noise.Severity);
    }

    [Fact]
    public async Task Run_OverlongFrame_ReportsTooLongAndPublishesTheNextDocument()
    {
        var (driver, _) = Start("desko-cute", o => o.MaxFrameLength = 128);
        await using var running = driver;
        await _context.WaitForStateAsync(DeviceState.Ready);

        _reader.Write(FrameWriter.Document(FrameProfiles.DeskoCute, [.. Specimens.Td3, .. Specimens.Td3]));
        _reader.Write(FrameWriter.Document(FrameProfiles.DeskoCute, Specimens.Td3));

        Assert.Equal(FrameErrorCodes.TooLong, (await _context.NextIncidentAsync()).Code);
        Assert.Equal(Specimens.Td3, await _context.NextDocumentAsync());
    }

    [Fact]
    public async Task Run_WrongBlockCheck_ReportsAnErrorIncidentAndPublishesNothing()
    {
        var (driver, _) = Start("3m-rte");
        await using var running = driver;
        await _context.WaitForStateAsync(DeviceState.Ready);
        var bad = FrameWriter.Document(FrameProfiles.ThreeMRte, Specimens.Td3);
        bad[^1] ^= 0x01;

        _reader.Write([.. bad, .. FrameWriter.Document(FrameProfiles.ThreeMRte, Specimens.Td2)]);

        var incident = await _context.NextIncidentAsync();
        Assert.Equal(FrameErrorCodes.BlockCheck, incident.Code);
        Assert.Equal(IncidentSeverity.Error, incident.Severity);
        Assert.Equal(Specimens.Td2, await _context.NextDocumentAsync());
    }

    [Fact]
    public async Task Run_PairKilledMidFrameAndRecreated_ReportsIncompleteFaultsAndANewDriverReadsTheNextDocument()
    {
        var (driver, run) = Start("desko-cute", o => o.InterByteTimeout = TimeSpan.FromSeconds(30));
        await _context.WaitForStateAsync(DeviceState.Ready);
        // One write: the first document proves the bytes arrived, so the half frame after it arrived too.
        _reader.Write([.. FrameWriter.Document(FrameProfiles.DeskoCute, Specimens.Td3), .. FrameWriter.Document(FrameProfiles.DeskoCute, Specimens.Td1)[..45]]);
        Assert.Equal(Specimens.Td3, await _context.NextDocumentAsync());

        await _reader.DisposeAsync();
        await _pair.KillAsync();

        var failure = await Assert.ThrowsAsync<DeviceException>(() => run.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("serial.port_gone", failure.Code);
        Assert.True(failure.IsTransient);
        var incident = await _context.NextIncidentAsync();
        Assert.Equal(FrameErrorCodes.Incomplete, incident.Code);
        Assert.Equal(IncidentSeverity.Error, incident.Severity);
        Assert.Contains("stream ended", incident.Detail, StringComparison.Ordinal);
        Assert.False(_context.Published.Reader.TryRead(out _));
        // The host waits at most 5 s for a driver's disposal before it starts a new one.
        await driver.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        // While the cable is out, opening fails with a transient error (the host retries with backoff)...
        var (missing, missingRun) = Start("desko-cute");
        var unplugged = await Assert.ThrowsAsync<DeviceException>(() => missingRun);
        Assert.True(unplugged.IsTransient, unplugged.Message);
        // A USB adapter's device file disappears (port_missing); a killed pty's link may still resolve for a moment
        // and refuse the open with "access denied" (open_failed). Both are transient.
        Assert.Contains(unplugged.Code, new[] { "serial.port_missing", "serial.open_failed" });
        await missing.DisposeAsync();

        // ...and once it is back, a new driver is Ready and delivers the next document.
        await _pair.RestartAsync();
        _reader = SerialConnection.Open(new SerialReaderOptions { Port = _pair.ReaderEnd });
        var (again, _) = Start("desko-cute");
        await using var running = again;
        await _context.WaitForStateAsync(DeviceState.Ready);
        _reader.Write(FrameWriter.Document(FrameProfiles.DeskoCute, Specimens.Td1));
        Assert.Equal(Specimens.Td1, await _context.NextDocumentAsync());
    }

    [Fact]
    public async Task Run_FromAPipe_PublishesBarcodesWithTheirSymbologyAndStopsAtTheEnd()
    {
        var pipe = new Pipe();
        await using var driver = new SerialReaderDriver("reader-1", FrameProfiles.DeskoCute, pipe.Reader);
        var run = driver.RunAsync(_context, _stop.Token);

        await pipe.Writer.WriteAsync(FrameWriter.Barcode(FrameProfiles.DeskoCute, "]L0M1DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100"u8));
        await pipe.Writer.CompleteAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var barcode = Assert.IsType<BarcodePayload>((await _context.Published.Reader.ReadAsync(timeout.Token)).Payload);
        Assert.Equal("PDF417", barcode.Symbology);
        Assert.Equal("]L0", barcode.AimIdentifier);
        Assert.StartsWith("M1DESMARAIS/LUC", barcode.Text, StringComparison.Ordinal);
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
