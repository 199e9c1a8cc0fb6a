namespace Gateway.Drivers.Simulated;

/// <summary>The factories of every simulated driver.</summary>
public static class SimulatedDrivers
{
    /// <summary>One factory per simulated device class.</summary>
    public static IReadOnlyList<IDriverFactory> Factories { get; } =
    [
        new SimulatedDocumentReaderFactory(),
        new SimulatedCameraFactory(),
        new SimulatedFingerprintScannerFactory(),
        new SimulatedBarcodeScannerFactory(),
        new SimulatedChipReaderFactory(),
    ];
}
