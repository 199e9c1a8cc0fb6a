using Gateway.Imaging.TestMedia.Portraits;
using OpenCvSharp;

namespace Gateway.Drivers.Camera.Tests;

/// <summary>A temporary folder of generated videos, deleted after the test.</summary>
internal sealed class Media : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gateway-camera-").FullName;

    public string Avi(IEnumerable<Mat> frames, double fps = 25) =>
        TestVideos.WriteAvi(Path.Combine(_folder, $"{Guid.NewGuid():N}.avi"), frames, fps);

    public string Avi(params (PortraitScene Scene, int Count)[] parts) =>
        Avi(parts.SelectMany(p => TestVideos.Repeat(p.Scene with { Width = 640, Height = 480 }, p.Count)));

    public string Sequence(IEnumerable<Mat> frames) => TestVideos.WriteSequence(Path.Combine(_folder, Guid.NewGuid().ToString("N")), frames);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
