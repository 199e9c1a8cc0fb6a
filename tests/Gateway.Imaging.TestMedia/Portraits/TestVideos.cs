using OpenCvSharp;

namespace Gateway.Imaging.TestMedia.Portraits;

/// <summary>Writes generated frames as an MJPG .avi or a PNG image sequence, the two file sources VideoCapture reads.</summary>
public static class TestVideos
{
    /// <summary>Writes <paramref name="frames"/> (all of one size, BGR) to an MJPG .avi; complete once this returns.</summary>
    /// <param name="path">The .avi file.</param>
    /// <param name="frames">The frames, in order.</param>
    /// <param name="fps">The frame rate written in the file.</param>
    public static string WriteAvi(string path, IEnumerable<Mat> frames, double fps = 25)
    {
        ArgumentNullException.ThrowIfNull(frames);
        VideoWriter? writer = null;
        try
        {
            foreach (var frame in frames)
            {
                using (frame)
                {
                    writer ??= new VideoWriter(path, FourCC.MJPG, fps, frame.Size());
                    if (!writer.IsOpened())
                    {
                        throw new InvalidOperationException($"VideoWriter could not open '{path}'.");
                    }

                    writer.Write(frame);
                }
            }
        }
        finally
        {
            // The file is only complete (index written) after the writer is released.
            writer?.Dispose();
        }

        return path;
    }

    /// <summary>Writes <paramref name="frames"/> as <c>000.png</c>, <c>001.png</c>… into a folder; returns the <c>%03d.png</c> pattern.</summary>
    /// <param name="folder">The folder (created).</param>
    /// <param name="frames">The frames, in order.</param>
    public static string WriteSequence(string folder, IEnumerable<Mat> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        Directory.CreateDirectory(folder);
        var i = 0;
        foreach (var frame in frames)
        {
            using (frame)
            {
                Cv2.ImWrite(Path.Combine(folder, $"{i++:000}.png"), frame);
            }
        }

        return Path.Combine(folder, "%03d.png");
    }

    /// <summary>The same scene rendered <paramref name="count"/> times (a still traveller; MJPG makes each frame slightly different).</summary>
    /// <param name="scene">The scene.</param>
    /// <param name="count">How many frames.</param>
    public static IEnumerable<Mat> Repeat(PortraitScene scene, int count)
    {
        using var image = PortraitScenes.Render(scene);
        for (var i = 0; i < count; i++)
        {
            yield return image.Clone();
        }
    }

    /// <summary>Plain numbered frames (the number drawn large), to follow frames through a pump.</summary>
    /// <param name="count">How many frames.</param>
    /// <param name="width">Width.</param>
    /// <param name="height">Height.</param>
    public static IEnumerable<Mat> Numbered(int count, int width = 320, int height = 240)
    {
        for (var i = 0; i < count; i++)
        {
            var frame = new Mat(height, width, MatType.CV_8UC3, new Scalar(i % 256, 128, 255 - (i % 256)));
            Cv2.PutText(frame, i.ToString(System.Globalization.CultureInfo.InvariantCulture), new Point(10, height / 2), HersheyFonts.HersheySimplex, 2, Scalar.White, 3);
            yield return frame;
        }
    }
}
