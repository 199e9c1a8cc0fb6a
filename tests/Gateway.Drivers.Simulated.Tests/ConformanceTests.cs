using Gateway.Drivers.Conformance;

namespace Gateway.Drivers.Simulated.Tests;

/// <summary>The driver conformance kit against every simulated driver: captures on command, an injected fault for the failure case.</summary>
public abstract class SimulatedConformanceTests : DriverConformanceTests
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["IntervalSeconds"] = "0" };

    protected override IReadOnlyDictionary<string, string?> FailingSettings => new Dictionary<string, string?>
    {
        ["IntervalSeconds"] = "1",
        ["FailAfterCaptures"] = "1",
    };
}

public sealed class SimulatedDocumentReaderConformanceTests : SimulatedConformanceTests
{
    protected override IDriverFactory Factory { get; } = new SimulatedDocumentReaderFactory();
}

public sealed class SimulatedCameraConformanceTests : SimulatedConformanceTests
{
    protected override IDriverFactory Factory { get; } = new SimulatedCameraFactory();
}

public sealed class SimulatedFingerprintScannerConformanceTests : SimulatedConformanceTests
{
    protected override IDriverFactory Factory { get; } = new SimulatedFingerprintScannerFactory();
}

public sealed class SimulatedBarcodeScannerConformanceTests : SimulatedConformanceTests
{
    protected override IDriverFactory Factory { get; } = new SimulatedBarcodeScannerFactory();
}

public sealed class SimulatedChipReaderConformanceTests : DriverConformanceTests
{
    protected override IDriverFactory Factory { get; } = new SimulatedChipReaderFactory();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["PlaceAfter"] = "00:00:00.050" };

    protected override IReadOnlyDictionary<string, string?> FailingSettings => new Dictionary<string, string?> { ["CscaFolder"] = "/proc/gateway-no-such-folder/csca" };

    protected override Task<IAsyncDisposable> PlaceCardAsync(IDeviceDriver driver, CancellationToken cancellationToken)
    {
        var reader = (SimulatedChipReader)driver;
        reader.Place(Gateway.VirtualChip.PassportSpec.SpecimenTd3);
        return Task.FromResult<IAsyncDisposable>(new Removal(reader));
    }

    private sealed class Removal(SimulatedChipReader reader) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            reader.Remove();
            return ValueTask.CompletedTask;
        }
    }
}
