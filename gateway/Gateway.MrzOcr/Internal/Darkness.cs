using OpenCvSharp;

namespace Gateway.MrzOcr.Internal;

/// <summary>
/// How much darker than the paper around it each pixel is, as a black-hat filter gives it. The paper's brightness is a
/// closing that fills the glyphs, run on a copy reduced by halvings (bilinear at exactly half: each pixel the mean of a
/// 2×2 block) and brought back to full size, for a fraction of a full-size filter's work.
/// </summary>
internal static class Darkness
{
    /// <param name="gray">The grey image.</param>
    /// <param name="halvings">How many times the copy is halved (at least once).</param>
    /// <param name="reach">The closing's size in the reduced copy's pixels (its reach at full size is this times 2^halvings).</param>
    public static Mat Of(Mat gray, int halvings, int reach)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(halvings, 1);
        var (width, height) = (gray.Width, gray.Height);
        using var paper = new Mat();
        var source = gray;
        for (var i = 1; i <= halvings; i++)
        {
            Cv2.Resize(source, paper, new Size(width >> i, height >> i), 0, 0, InterpolationFlags.Linear);
            source = paper;
        }

        using (var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(reach, reach)))
        {
            Cv2.MorphologyEx(paper, paper, MorphTypes.Close, kernel);
        }

        var darkness = new Mat();
        Cv2.Resize(paper, darkness, new Size(width, height), 0, 0, InterpolationFlags.Linear);
        Cv2.Subtract(darkness, gray, darkness);
        return darkness;
    }
}
