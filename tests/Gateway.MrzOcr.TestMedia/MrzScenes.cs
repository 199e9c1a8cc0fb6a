using System.Runtime.InteropServices;
using Gateway.Mrz;
using OpenCvSharp;

namespace Gateway.MrzOcr.TestMedia;

/// <summary>
/// Puts a rendered document where a reader would see it and spoils it the way the device does: a page scan (white
/// glass, small tilt, either way up, 150–600 dpi) or a camera frame (any rotation, perspective, uneven light, a glare
/// patch, blur, noise, low resolution), then JPEG 30–50 for most.
/// </summary>
public static class MrzScenes
{
    /// <summary>Generates one sample.</summary>
    /// <param name="random">Seeds everything about it.</param>
    /// <param name="name">The sample's name.</param>
    /// <param name="format">The MRZ layout.</param>
    /// <param name="camera">A camera frame rather than a page scan.</param>
    public static MrzSample Generate(Random random, string name, MrzFormat format, bool camera)
    {
        var mrz = MrzDocuments.RandomMrz(random, format);
        var dpi = camera ? 300 + random.Next(100) : 150 + random.Next(451);
        var (document, quad) = MrzDocuments.Render(random, format, mrz, dpi);
        using (document)
        {
            using var frame = camera ? Camera(random, document, ref quad, mrz.IndexOf('\n', StringComparison.Ordinal)) : Scan(random, document, ref quad);
            var blur = camera ? 0.3 + (random.NextDouble() * 0.7) : random.NextDouble() * 0.9 * dpi / 300;
            if (blur > 0.2)
            {
                Cv2.GaussianBlur(frame, frame, new Size(0, 0), blur);
            }

            AddNoise(frame, camera ? 3 + (random.NextDouble() * 7) : random.NextDouble() * 5, random);
            var jpeg = camera || random.Next(3) > 0 ? random.Next(30, 51) : 0;
            var image = jpeg > 0 ? frame.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, jpeg)) : frame.ImEncode(".png");
            return new MrzSample(name, format, mrz, [.. quad.Select(p => (p.X, p.Y))], Crop(image, quad), image, jpeg > 0 ? "jpg" : "png", camera ? "camera" : "page");
        }
    }

    /// <summary>The MRZ block cut upright out of the encoded image by its true corners, with a margin of half a line.</summary>
    public static byte[] Crop(byte[] image, Point2f[] quad)
    {
        using var decoded = Cv2.ImDecode(image, ImreadModes.Grayscale);
        var width = (float)quad[0].DistanceTo(quad[1]);
        var height = (float)quad[0].DistanceTo(quad[3]);
        var margin = height * 0.25f;
        var target = new[] { new Point2f(margin, margin), new Point2f(margin + width, margin), new Point2f(margin + width, margin + height), new Point2f(margin, margin + height) };
        using var transform = Cv2.GetPerspectiveTransform(quad, target);
        using var crop = new Mat();
        Cv2.WarpPerspective(decoded, crop, transform, new Size(width + (2 * margin), height + (2 * margin)), InterpolationFlags.Linear, BorderTypes.Replicate);
        return crop.ImEncode(".png");
    }

    private static Mat Scan(Random random, Mat document, ref Point2f[] quad)
    {
        var angle = ((random.NextDouble() * 8) - 4) + (random.Next(4) == 0 ? 180 : 0);
        var margin = document.Width / 6;
        var size = new Size(document.Width + (2 * margin), document.Height + (2 * margin));
        // About the document's centre, then moved to the page's centre.
        using var matrix = Cv2.GetRotationMatrix2D(new Point2f(document.Width / 2f, document.Height / 2f), angle, 1);
        matrix.Set(0, 2, matrix.At<double>(0, 2) + margin);
        matrix.Set(1, 2, matrix.At<double>(1, 2) + margin);
        var page = new Mat();
        Cv2.WarpAffine(document, page, matrix, size, InterpolationFlags.Linear, BorderTypes.Constant, new Scalar(245 + random.Next(10)));
        quad = [.. quad.Select(p => new Point2f(
            (float)((matrix.At<double>(0, 0) * p.X) + (matrix.At<double>(0, 1) * p.Y) + matrix.At<double>(0, 2)),
            (float)((matrix.At<double>(1, 0) * p.X) + (matrix.At<double>(1, 1) * p.Y) + matrix.At<double>(1, 2))))];
        return page;
    }

    private static Mat Camera(Random random, Mat document, ref Point2f[] quad, int lineLength)
    {
        var (width, height) = new[] { (800, 600), (1280, 720), (1920, 1080), (1024, 768) }[random.Next(4)];
        // Any rotation; the MRZ at 8–16 pixels a character (a webcam held over the document), wholly in the frame; the
        // rest of the document may be cut off.
        var angle = random.NextDouble() * 2 * Math.PI;
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        var pitch = quad[0].DistanceTo(quad[1]) / lineLength;
        var scale = Math.Min((8 + (random.NextDouble() * 8)) / pitch, 0.9 * Math.Min(width, height) / quad[0].DistanceTo(quad[1]) * 1.6);
        var corners = new[] { new Point2f(0, 0), new Point2f(document.Width, 0), new Point2f(document.Width, document.Height), new Point2f(0, document.Height) };
        var jitter = Math.Min(document.Width, document.Height) * scale * 0.04;
        Point2f[] target = [];
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var center = new Point2f((float)(width * (0.2 + (random.NextDouble() * 0.6))), (float)(height * (0.2 + (random.NextDouble() * 0.6))));
            target = [.. corners.Select(c =>
            {
                var (x, y) = ((c.X - (document.Width / 2.0)) * scale, (c.Y - (document.Height / 2.0)) * scale);
                return new Point2f(
                    (float)(center.X + (x * cos) - (y * sin) + ((random.NextDouble() - 0.5) * 2 * jitter)),
                    (float)(center.Y + (x * sin) + (y * cos) + ((random.NextDouble() - 0.5) * 2 * jitter)));
            })];
            using var trial = Cv2.GetPerspectiveTransform(corners, target);
            if (Cv2.PerspectiveTransform(quad, trial).All(p => p.X > 10 && p.Y > 10 && p.X < width - 10 && p.Y < height - 10))
            {
                break;
            }

            scale *= 0.97;
        }

        using var homography = Cv2.GetPerspectiveTransform(corners, target);
        var frame = Desk(random, width, height);
        using var mask = new Mat(document.Size(), MatType.CV_8UC1, Scalar.White);
        using var warped = new Mat();
        using var warpedMask = new Mat();
        Cv2.WarpPerspective(document, warped, homography, frame.Size(), InterpolationFlags.Area);
        Cv2.WarpPerspective(mask, warpedMask, homography, frame.Size());
        warped.CopyTo(frame, warpedMask);
        quad = Cv2.PerspectiveTransform(quad, homography);
        Light(random, frame);
        return frame;
    }

    private static Mat Desk(Random random, int width, int height)
    {
        var desk = new Mat(height, width, MatType.CV_8UC1, new Scalar(random.Next(40, 170)));
        for (var i = 0; i < 5; i++)
        {
            Cv2.Rectangle(desk, new Rect(random.Next(width), random.Next(height), random.Next(30, 300), random.Next(30, 300)), new Scalar(random.Next(256)), -1);
        }

        return desk;
    }

    /// <summary>Uneven light (a brightness ramp across the frame) and a glare patch.</summary>
    private static void Light(Random random, Mat frame)
    {
        var (rows, cols) = (frame.Rows, frame.Cols);
        var pixels = new byte[rows * cols];
        Marshal.Copy(frame.Data, pixels, 0, pixels.Length);
        var (gx, gy) = ((random.NextDouble() - 0.5) * 0.8 / cols, (random.NextDouble() - 0.5) * 0.8 / rows);
        var (cx, cy) = (random.Next(cols), random.Next(rows));
        var radius = Math.Max(cols, rows) * (0.04 + (random.NextDouble() * 0.08));
        var glare = 60 + (random.NextDouble() * 90);
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < cols; x++)
            {
                var light = 0.85 + ((x - (cols / 2.0)) * gx) + ((y - (rows / 2.0)) * gy);
                var d2 = (((x - cx) * (x - cx)) + ((y - cy) * (y - cy))) / (radius * radius);
                var i = (y * cols) + x;
                pixels[i] = (byte)Math.Clamp((pixels[i] * light) + (glare * Math.Exp(-d2)), 0, 255);
            }
        }

        Marshal.Copy(pixels, 0, frame.Data, pixels.Length);
    }

    private static void AddNoise(Mat image, double sigma, Random random)
    {
        if (sigma < 0.5)
        {
            return;
        }

        var pixels = new byte[image.Rows * image.Cols];
        Marshal.Copy(image.Data, pixels, 0, pixels.Length);
        for (var i = 0; i < pixels.Length; i++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            pixels[i] = (byte)Math.Clamp(pixels[i] + (gaussian * sigma), 0, 255);
        }

        Marshal.Copy(pixels, 0, image.Data, pixels.Length);
    }

}
