using System.Runtime.InteropServices;
using OpenCvSharp;

namespace Gateway.Imaging.TestMedia.Portraits;

/// <summary>Renders <see cref="PortraitScene"/>s and negatives, as OpenCV images or as frames.</summary>
public static class PortraitScenes
{
    // The astronaut portrait's head in its 512 × 512 source: the Haar face box (177, 67, 93 × 93) with the hair and a
    // margin. The face box is what FaceSize and the centre refer to.
    private static readonly Rect Head = new(137, 17, 173, 203);
    private static readonly Rect FaceInHead = new(177 - 137, 67 - 17, 93, 93);
    private static readonly Lazy<Mat> Astronaut = new(() => Cv2.ImRead(FaceImages.Astronaut, ImreadModes.Color));

    /// <summary>A good portrait frame: one sharp, centred, well-lit face on a plain background.</summary>
    public static PortraitScene Good { get; } = new();

    /// <summary>Renders a scene as a BGR image.</summary>
    /// <param name="scene">The scene.</param>
    public static Mat Render(PortraitScene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var frame = new Mat(scene.Height, scene.Width, MatType.CV_8UC3, new Scalar(scene.Background, scene.Background, scene.Background));
        if (scene.Cluttered)
        {
            for (var x = 0; x < scene.Width; x += 40)
            {
                Cv2.Rectangle(frame, new Rect(x, 0, 20, scene.Height), new Scalar(40, 60, 90), -1);
            }
        }

        var scale = scene.FaceSize * scene.Height / FaceInHead.Height;
        using var head = new Mat(Astronaut.Value, Head);
        using var sized = new Mat();
        Cv2.Resize(head, sized, new Size(0, 0), scale, scale, InterpolationFlags.Cubic);
        using var mask = new Mat(sized.Size(), MatType.CV_8UC1, Scalar.Black);
        Cv2.Ellipse(mask, new RotatedRect(new Point2f(sized.Width / 2f, sized.Height / 2f), new Size2f(sized.Width * 0.92, sized.Height * 0.98), 0), Scalar.White, -1);
        Cv2.GaussianBlur(mask, mask, new Size(0, 0), Math.Max(1, sized.Width / 40.0));
        var faceCentre = new Point2d((FaceInHead.X + (FaceInHead.Width / 2.0)) * scale, (FaceInHead.Y + (FaceInHead.Height / 2.0)) * scale);

        for (var i = 0; i < scene.Faces; i++)
        {
            // Several faces stand side by side around the requested centre.
            var offset = scene.Faces == 1 ? 0 : (i - ((scene.Faces - 1) / 2.0)) * sized.Width * 1.05;
            var centre = new Point2d((scene.CenterX * scene.Width) + offset, scene.CenterY * scene.Height);
            using var transform = Cv2.GetRotationMatrix2D(new Point2f((float)faceCentre.X, (float)faceCentre.Y), scene.RollDegrees, 1);
            transform.Set(0, 2, transform.At<double>(0, 2) + centre.X - faceCentre.X);
            transform.Set(1, 2, transform.At<double>(1, 2) + centre.Y - faceCentre.Y);
            using var placed = new Mat();
            using var placedMask = new Mat();
            Cv2.WarpAffine(sized, placed, transform, frame.Size(), InterpolationFlags.Linear, BorderTypes.Constant);
            Cv2.WarpAffine(mask, placedMask, transform, frame.Size(), InterpolationFlags.Linear, BorderTypes.Constant);
            Blend(frame, placed, placedMask);
        }

        if (scene.BlurSigma > 0)
        {
            Cv2.GaussianBlur(frame, frame, new Size(0, 0), scene.BlurSigma * scene.Width / 1280.0);
        }

        if (scene.Gain != 1 || scene.Contrast != 1)
        {
            // out = gain × (128 + contrast × (in − 128))
            frame.ConvertTo(frame, MatType.CV_8UC3, scene.Gain * scene.Contrast, scene.Gain * 128 * (1 - scene.Contrast));
        }

        return frame;
    }

    /// <summary>A negative (a skimage image without a frontal face) letterboxed into a frame of the given size.</summary>
    /// <param name="path">One of <see cref="FaceImages"/>' negatives.</param>
    /// <param name="width">Frame width.</param>
    /// <param name="height">Frame height.</param>
    public static Mat Letterboxed(string path, int width = 1280, int height = 720)
    {
        using var image = Cv2.ImRead(path, ImreadModes.Color);
        var scale = Math.Min(width / (double)image.Width, height / (double)image.Height);
        using var sized = new Mat();
        Cv2.Resize(image, sized, new Size(0, 0), scale, scale, InterpolationFlags.Area);
        var frame = new Mat(height, width, MatType.CV_8UC3, Scalar.Black);
        using var target = new Mat(frame, new Rect((width - sized.Width) / 2, (height - sized.Height) / 2, sized.Width, sized.Height));
        sized.CopyTo(target);
        return frame;
    }

    /// <summary>Copies a BGR or grey image into a <see cref="Frame"/>.</summary>
    /// <param name="image">An 8-bit image of 1 or 3 channels.</param>
    public static Frame ToFrame(Mat image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var copy = image.IsContinuous() ? null : image.Clone();
        var source = copy ?? image;
        var bytes = new byte[source.Total() * source.ElemSize()];
        Marshal.Copy(source.Data, bytes, 0, bytes.Length);
        return Gateway.Imaging.Frame.FromPixels(source.Width, source.Height, source.Channels() == 1 ? PixelFormat.Gray8 : PixelFormat.Bgr24, bytes);
    }

    /// <summary>Renders a scene straight into a <see cref="Frame"/>.</summary>
    /// <param name="scene">The scene.</param>
    public static Frame FrameOf(PortraitScene scene)
    {
        using var image = Render(scene);
        return ToFrame(image);
    }

    private static void Blend(Mat frame, Mat head, Mat mask)
    {
        using var alpha = new Mat();
        mask.ConvertTo(alpha, MatType.CV_32FC1, 1 / 255.0);
        using var alpha3 = new Mat();
        Cv2.Merge([alpha, alpha, alpha], alpha3);
        using var f = new Mat();
        using var h = new Mat();
        frame.ConvertTo(f, MatType.CV_32FC3);
        head.ConvertTo(h, MatType.CV_32FC3);
        using var inverse = new Mat();
        Cv2.Subtract(Scalar.All(1), alpha3, inverse);
        Cv2.Multiply(h, alpha3, h);
        Cv2.Multiply(f, inverse, f);
        Cv2.Add(f, h, f);
        f.ConvertTo(frame, MatType.CV_8UC3);
    }
}
