using Gateway.Drivers.Conformance;
using Gateway.Drivers.Serial.Framing;
using Gateway.Drivers.Serial.Tests.Socat;

namespace Gateway.Drivers.Serial.Tests;

/// <summary>The driver conformance kit against the serial driver on a real socat pseudo-terminal pair.</summary>
public sealed class ConformanceTests : DriverConformanceTests, IAsyncLifetime
{
    private SocatPair _pair = null!;

    protected override IDriverFactory Factory { get; } = new SerialReaderFactory();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Port"] = _pair.GatewayEnd,
        ["Profile"] = "desko-cute",
    };

    protected override IReadOnlyDictionary<string, string?> FailingSettings => new Dictionary<string, string?>
    {
        ["Port"] = Path.Combine(Path.GetTempPath(), "no-such-serial-port"),
    };

    public async Task InitializeAsync() => _pair = await SocatPair.StartAsync();

    public async Task DisposeAsync() => await _pair.DisposeAsync();

    protected override async Task<CaptureData> ProvokeCaptureAsync(IDeviceDriver driver, ConformanceContext context, CancellationToken cancellationToken)
    {
        await using (var reader = SerialConnection.Open(new SerialReaderOptions { Port = _pair.ReaderEnd }))
        {
            reader.Write(FrameWriter.Document(FrameProfiles.DeskoCute, Specimens.Td3));
            return await context.Published.Reader.ReadAsync(cancellationToken);
        }
    }
}
