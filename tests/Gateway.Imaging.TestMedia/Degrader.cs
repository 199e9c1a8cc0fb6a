using System.Runtime.InteropServices;
using OpenCvSharp;

namespace Gateway.Imaging.TestMedia;

/// <summary>Applies a <see cref="Degradation"/> to a clean barcode and encodes the result as an image file.</summary>
public static class Degrader
{
    /// <summary>The spoilt image as PNG or JPEG bytes, and where the barcode's centre ended up.</summary>
    /// <param name="barcode">A clean grey barcode (not changed).</param>
    /// <param name="degradation">What to do to it.</param>
    /// <param name="seed">Seeds the page layout and the noise, so a set is the same on every run.</param>
    public static (byte[] Image, Point2f Center) Apply(Mat barcode, Degradation degradation, int seed)
    {
        var random = new Random(seed);
        using var rotated = Rotate(barcode, degradation.RotationDegrees);
        using var canvas = degradation.OnPage ? Page(random) : new Mat(rotated.Rows + 80, rotated.Cols + 80, MatType.CV_8UC1, Scalar.White);
        var x = degradation.OnPage ? random.Next(40, canvas.Cols - rotated.Cols - 40) : 40;
        var y = degradation.OnPage ? random.Next(40, canvas.Rows - rotated.Rows - 40) : 40;
        using (var target = new Mat(canvas, new Rect(x, y, rotated.Cols, rotated.Rows)))
        {
            // Printed documents keep a quiet zone around a barcode: the barcode's white margin replaces the page under it.
            rotated.CopyTo(target);
        }

        var center = new Point2f(x + (rotated.Cols / 2f), y + (rotated.Rows / 2f));
        if (degradation.BlurSigma > 0)
        {
            Cv2.GaussianBlur(canvas, canvas, new Size(0, 0), degradation.BlurSigma);
        }

        if (degradation.NoiseSigma > 0)
        {
            AddNoise(canvas, degradation.NoiseSigma, random);
        }

        using var final = new Mat();
        if (degradation.Scale != 1)
        {
            Cv2.Resize(canvas, final, new Size(0, 0), degradation.Scale, degradation.Scale, InterpolationFlags.Area);
            center = new Point2f((float)(center.X * degradation.Scale), (float)(center.Y * degradation.Scale));
        }
        else
        {
            canvas.CopyTo(final);
        }

        var bytes = degradation.JpegQuality > 0
            ? final.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, degradation.JpegQuality))
            : final.ImEncode(".png");
        return (bytes, center);
    }

    /// <summary>Rotates about the centre onto a canvas large enough to hold the whole result, white outside.</summary>
    public static Mat Rotate(Mat image, double degrees)
    {
        var radians = degrees * Math.PI / 180;
        var (cos, sin) = (Math.Abs(Math.Cos(radians)), Math.Abs(Math.Sin(radians)));
        var size = new Size((int)Math.Ceiling((image.Cols * cos) + (image.Rows * sin)), (int)Math.Ceiling((image.Cols * sin) + (image.Rows * cos)));
        using var matrix = Cv2.GetRotationMatrix2D(new Point2f(image.Cols / 2f, image.Rows / 2f), degrees, 1);
        matrix.Set(0, 2, matrix.At<double>(0, 2) + ((size.Width - image.Cols) / 2.0));
        matrix.Set(1, 2, matrix.At<double>(1, 2) + ((size.Height - image.Rows) / 2.0));
        var rotated = new Mat();
        Cv2.WarpAffine(image, rotated, matrix, size, InterpolationFlags.Linear, BorderTypes.Constant, Scalar.White);
        return rotated;
    }

    /// <summary>A 2000 × 1400 page with text lines, boxes, rules and a photo-like gradient block.</summary>
    public static Mat Page(Random random, int width = 2000, int height = 1400)
    {
        var page = new Mat(height, width, MatType.CV_8UC1, new Scalar(235 + random.Next(15)));
        const string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<   ";
        for (var i = 0; i < 40; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(8, 40)).Select(_ => letters[random.Next(letters.Length)]).ToArray());
            Cv2.PutText(page, text, new Point(random.Next(width - 200), random.Next(20, height)), HersheyFonts.HersheySimplex,
                0.5 + random.NextDouble(), new Scalar(random.Next(90)), random.Next(1, 3));
        }

        for (var i = 0; i < 6; i++)
        {
            var corner = new Point(random.Next(width - 300), random.Next(height - 200));
            Cv2.Rectangle(page, new Rect(corner, new Size(random.Next(80, 300), random.Next(40, 200))), new Scalar(random.Next(120)), 2);
            Cv2.Line(page, new Point(random.Next(width), random.Next(height)), new Point(random.Next(width), random.Next(height)), new Scalar(random.Next(160)), 1);
        }

        // A photo-like block: a smooth gradient with a darker oval.
        var photo = new Rect(random.Next(width - 400), random.Next(height - 450), 300, 380);
        using (var block = new Mat(page, photo))
        {
            for (var row = 0; row < photo.Height; row++)
            {
                Cv2.Line(block, new Point(0, row), new Point(photo.Width - 1, row), new Scalar(120 + (row * 100 / photo.Height)));
            }

            Cv2.Ellipse(block, new Point(150, 170), new Size(90, 120), 0, 0, 360, new Scalar(70), -1);
        }

        return page;
    }

    private static void AddNoise(Mat image, double sigma, Random random)
    {
        // The canvas is a fresh continuous Mat, so its pixels are one block.
        var pixels = new byte[image.Rows * image.Cols];
        Marshal.Copy(image.Data, pixels, 0, pixels.Length);
        for (var i = 0; i < pixels.Length; i++)
        {
            // Box–Muller: a normal deviate from two uniform ones.
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            pixels[i] = (byte)Math.Clamp(pixels[i] + (gaussian * sigma), 0, 255);
        }

        Marshal.Copy(pixels, 0, image.Data, pixels.Length);
    }
}
