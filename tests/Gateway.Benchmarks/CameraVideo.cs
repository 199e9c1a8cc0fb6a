using System.Globalization;
using Gateway.Imaging.TestMedia.Portraits;

namespace Gateway.Benchmarks;

/// <summary>
/// <c>camera-video OUT.avi [SECONDS]</c>: writes a 1280×720, 25 fps MJPG video of the portrait test scenes (the public
/// domain astronaut portrait from Debian's python3-skimage, see scripts/test.sh) for the camera driver's training mode
/// and the README's demo.
/// </summary>
internal static class CameraVideo
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: camera-video OUT.avi [SECONDS]");
            return 2;
        }

        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        TestVideos.WriteAvi(args[0], TestVideos.Repeat(PortraitScenes.Good with { Width = 1280, Height = 720 }, seconds * 25), 25);
        Console.WriteLine($"{args[0]}: {seconds} s of 1280×720 at 25 fps");
        return 0;
    }
}
