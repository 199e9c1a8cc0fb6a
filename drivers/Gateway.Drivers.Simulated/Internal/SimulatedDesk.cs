namespace Gateway.Drivers.Simulated.Internal;

/// <summary>
/// The booth desk the simulated devices share: the simulated document reader lays each passport or ID card it reads
/// here, and a simulated chip reader takes it up, so the chip holds the traveller whose MRZ was just printed.
/// </summary>
internal static class SimulatedDesk
{
    /// <summary>A document was read: its MRZ lines, joined by new lines.</summary>
    public static event Action<string>? DocumentRead;

    public static void Read(string mrz) => DocumentRead?.Invoke(mrz);
}
