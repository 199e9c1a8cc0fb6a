using Gateway.Imaging.Internal;
using OpenCvSharp;

namespace Gateway.Imaging.Portraits;

/// <summary>
/// Cuts the ISO/IEC 19794-5 "token" frontal image out of a frame: width W, height W / 0.75, the eye line levelled,
/// its midpoint at (0.5 W, 0.6 W) from the top left, and the eyes 0.25 W apart.
/// </summary>
public static class TokenPortrait
{
    /// <summary>Eye distance over image width in a token image.</summary>
    public const double EyeDistanceRatio = 0.25;

    /// <summary>The eye midpoint's distance from the top over image width.</summary>
    public const double EyeLineRatio = 0.6;

    /// <summary>Cuts and encodes the token portrait of the face <paramref name="analysis"/> found in <paramref name="frame"/>.</summary>
    /// <param name="frame">The frame that was analysed.</param>
    /// <param name="analysis">Its analysis; without a face the frame's centre is cut at the token's aspect ratio.</param>
    /// <param name="width">Token width W in pixels (ISO/IEC 19794-5 asks at least 240: 60 pixels between the eyes). Default 480.</param>
    /// <param name="quality">JPEG quality. Default 90.</param>
    /// <remarks>Where the token reaches past the frame, the frame's edge pixels are repeated.</remarks>
    public static EncodedImage Crop(Frame frame, PortraitAnalysis analysis, int width = 480, int quality = 90)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 60);
        var height = (int)Math.Round(width / 0.75);
        using var source = OpenCvFrames.ToMat(frame);
        using var token = new Mat();
        if (analysis.Eyes is { } eyes)
        {
            var mid = new Point2f((float)((eyes.Left.X + eyes.Right.X) / 2), (float)((eyes.Left.Y + eyes.Right.Y) / 2));
            var scale = EyeDistanceRatio * width / Math.Max(1, eyes.Distance);
            using var transform = Cv2.GetRotationMatrix2D(mid, eyes.RollDegrees, scale);
            transform.Set(0, 2, transform.At<double>(0, 2) + ((0.5 * width) - mid.X));
            transform.Set(1, 2, transform.At<double>(1, 2) + ((EyeLineRatio * width) - mid.Y));
            Cv2.WarpAffine(source, token, transform, new Size(width, height), InterpolationFlags.Linear, BorderTypes.Replicate);
        }
        else
        {
            var cropHeight = Math.Min(frame.Height, (int)(frame.Width / 0.75));
            var cropWidth = (int)(cropHeight * 0.75);
            using var centre = new Mat(source, new Rect((frame.Width - cropWidth) / 2, (frame.Height - cropHeight) / 2, cropWidth, cropHeight));
            Cv2.Resize(centre, token, new Size(width, height), 0, 0, InterpolationFlags.Area);
        }

        return new EncodedImage(token.ImEncode(".jpg", [(int)ImwriteFlags.JpegQuality, quality]), width, height);
    }
}
