using Gateway.Drivers.Conformance;

namespace Gateway.Drivers.Sane.Tests;

/// <summary>The driver conformance kit against the SANE driver on SANE's test backend.</summary>
public sealed class SaneConformanceTests : DriverConformanceTests
{
    protected override IDriverFactory Factory { get; } = new SaneScannerFactory();

    protected override IReadOnlyDictionary<string, string?> Settings => TestBackend.Settings(backend: ("test-picture", "Grid"));

    protected override IReadOnlyDictionary<string, string?> FailingSettings =>
        new Dictionary<string, string?>(TestBackend.Settings()) { ["DeviceName"] = "test:9" };
}
