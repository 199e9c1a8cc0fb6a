using Gateway.Drivers.Conformance;

namespace Gateway.Drivers.PageReader.Simulated.Tests;

/// <summary>The driver conformance kit against the simulated page reader: captures on command, an injected fault for the failure case.</summary>
public sealed class SimulatedPageReaderConformanceTests : DriverConformanceTests
{
    protected override IDriverFactory Factory { get; } = new SimulatedPageReaderFactory();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["IntervalSeconds"] = "0" };

    protected override IReadOnlyDictionary<string, string?> FailingSettings => new Dictionary<string, string?>
    {
        ["IntervalSeconds"] = "1",
        ["FailAfterCaptures"] = "1",
    };
}
