using OpenCvSharp;

namespace Gateway.Imaging.Portraits.Internal;

/// <summary>A face found by the cascade, with the eyes found inside its upper part (frame coordinates).</summary>
internal sealed record FoundFace(Rect Box, IReadOnlyList<Point2d> Eyes);

/// <summary>Haar cascade face and eye detection. Not thread-safe (CascadeClassifier keeps scratch state).</summary>
internal sealed class FaceFinder : IDisposable
{
    private readonly CascadeClassifier _faces;
    private readonly CascadeClassifier _eyes;
    private readonly int _detectionWidth;

    public FaceFinder(PortraitQualityOptions options)
    {
        _faces = Load(options.FaceCascadePath);
        try
        {
            _eyes = Load(options.EyeCascadePath);
        }
        catch
        {
            _faces.Dispose();
            throw;
        }

        _detectionWidth = options.DetectionWidth;
    }

    /// <summary>Faces in a grey frame, largest first. A box without an eye in its upper part is not a face.</summary>
    public List<FoundFace> Find(Mat gray)
    {
        var scale = gray.Width > _detectionWidth ? _detectionWidth / (double)gray.Width : 1.0;
        using var small = new Mat();
        if (scale < 1)
        {
            Cv2.Resize(gray, small, new Size(0, 0), scale, scale, InterpolationFlags.Area);
        }
        else
        {
            gray.CopyTo(small);
        }

        // Equalising lets the cascade find dark and washed-out faces, so exposure is measured, not mistaken for "no face".
        Cv2.EqualizeHist(small, small);
        var minSide = Math.Max(24, small.Height / 10);
        var boxes = _faces.DetectMultiScale(small, 1.15, 4, HaarDetectionTypes.ScaleImage, new Size(minSide, minSide));
        var found = new List<FoundFace>(boxes.Length);
        foreach (var b in boxes)
        {
            var box = new Rect((int)(b.X / scale), (int)(b.Y / scale), (int)(b.Width / scale), (int)(b.Height / scale))
                & new Rect(0, 0, gray.Width, gray.Height);
            var eyes = FindEyes(gray, box);
            if (eyes.Count > 0)
            {
                found.Add(new FoundFace(box, eyes));
            }
        }

        found.Sort((a, b) => (b.Box.Width * b.Box.Height).CompareTo(a.Box.Width * a.Box.Height));
        return found;
    }

    public void Dispose()
    {
        _faces.Dispose();
        _eyes.Dispose();
    }

    private static CascadeClassifier Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Haar cascade '{path}' does not exist (Debian: apt-get install opencv-data).", path);
        }

        var cascade = new CascadeClassifier(path);
        if (cascade.Empty())
        {
            cascade.Dispose();
            throw new InvalidDataException($"'{path}' is not a Haar cascade OpenCV can load.");
        }

        return cascade;
    }

    /// <summary>Eyes in the upper 60 % of the face box, searched at a fixed width of 120 pixels (eyes of about
    /// 25 pixels, just above the cascade's 20-pixel window) so the cost does not depend on the face's size.</summary>
    private List<Point2d> FindEyes(Mat gray, Rect face)
    {
        var upper = new Rect(face.X, face.Y, face.Width, (int)(face.Height * 0.6));
        if (upper.Width < 8 || upper.Height < 8)
        {
            return [];
        }

        const double Width = 120;
        var scale = Width / upper.Width;
        using var roi = new Mat(gray, upper);
        using var sized = new Mat();
        Cv2.Resize(roi, sized, new Size(0, 0), scale, scale, scale < 1 ? InterpolationFlags.Area : InterpolationFlags.Linear);
        Cv2.EqualizeHist(sized, sized);
        var min = 20;
        var max = (int)(Width * 0.5);
        var eyes = _eyes.DetectMultiScale(sized, 1.1, 3, HaarDetectionTypes.ScaleImage, new Size(min, min), new Size(max, max));
        return [.. eyes
            .Select(e => new Point2d(upper.X + ((e.X + (e.Width / 2.0)) / scale), upper.Y + ((e.Y + (e.Height / 2.0)) / scale)))
            .Where(p => p.Y < face.Y + (face.Height * 0.55))];
    }
}
