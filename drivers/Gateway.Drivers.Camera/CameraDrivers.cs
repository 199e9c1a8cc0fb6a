namespace Gateway.Drivers.Camera;

/// <summary>The factories of the camera drivers.</summary>
public static class CameraDrivers
{
    /// <summary>Every camera driver factory.</summary>
    public static IReadOnlyList<IDriverFactory> Factories { get; } = [new CameraDriverFactory()];
}
