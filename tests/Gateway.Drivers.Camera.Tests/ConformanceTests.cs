using Gateway.Drivers.Conformance;
using Gateway.Imaging.TestMedia.Portraits;

namespace Gateway.Drivers.Camera.Tests;

/// <summary>The driver conformance kit against the camera driver, reading a generated video of the portrait scenes in a loop.</summary>
public sealed class ConformanceTests : DriverConformanceTests, IDisposable
{
    private readonly Media _media = new();
    private readonly string _video;

    public ConformanceTests() => _video = _media.Avi((PortraitScenes.Good, 6));

    protected override IDriverFactory Factory { get; } = new CameraDriverFactory();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Source"] = _video,
        ["AtEnd"] = "Loop",
    };

    protected override IReadOnlyDictionary<string, string?> FailingSettings => new Dictionary<string, string?>
    {
        ["Source"] = Path.Combine(Path.GetTempPath(), "no-such-video.avi"),
    };

    public void Dispose() => _media.Dispose();
}
