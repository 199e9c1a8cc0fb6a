namespace Gateway.Drivers.Serial;

/// <summary>The factories of the serial drivers.</summary>
public static class SerialDrivers
{
    /// <summary>Every serial driver factory.</summary>
    public static IReadOnlyList<IDriverFactory> Factories { get; } = [new SerialReaderFactory()];
}
