using Gateway.Drivers.Conformance;
using Gateway.VirtualChip;

namespace Gateway.Drivers.Pcsc.Tests;

/// <summary>The driver conformance kit against the <c>pcsc-chip</c> driver on vpcd's reader, through real pcscd.</summary>
[Collection(PcscdCollection.Name)]
public sealed class PcscConformanceTests(PcscdFixture pcscd) : DriverConformanceTests, IDisposable
{
    private readonly TestPki _pki = TestPki.Create(DateTimeOffset.UtcNow);

    protected override IDriverFactory Factory { get; } = new PcscChipReaderFactory();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Reader"] = pcscd.Reader };

    protected override IReadOnlyDictionary<string, string?> FailingSettings => new Dictionary<string, string?> { ["Reader"] = "No Such Reader" };

    public void Dispose() => _pki.Dispose();

    protected override async Task<IAsyncDisposable> PlaceCardAsync(IDeviceDriver driver, CancellationToken cancellationToken) =>
        await VpcdClient.ConnectAsync(new VirtualPassport(PassportContent.Build(new PassportSpec(), _pki)), pcscd.Port, cancellationToken: cancellationToken);
}
