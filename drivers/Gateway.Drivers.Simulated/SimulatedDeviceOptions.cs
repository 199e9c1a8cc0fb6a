using System.ComponentModel.DataAnnotations;

namespace Gateway.Drivers.Simulated;

/// <summary>Settings every simulated device shares.</summary>
public class SimulatedDeviceOptions
{
    /// <summary>Seconds between captures the device makes by itself; 0 = only on command. Default 5.</summary>
    [Range(0, 86_400)]
    public double IntervalSeconds { get; set; } = 5;

    /// <summary>
    /// Fault injection for training and tests: the device fails after this many captures (and again after each
    /// restart). 0 = never. Default 0.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int FailAfterCaptures { get; set; }

    /// <summary>Seed of the generator, for reproducible specimens; 0 = a new seed each start. Default 0.</summary>
    public int Seed { get; set; }
}
