namespace Gateway.Imaging.Video;

/// <summary>The format a source actually delivers, as read back after the request was applied.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Fps">Frames per second the source reports; 0 when it does not say.</param>
/// <param name="FourCc">The pixel format as a four-character code; empty when the source does not say.</param>
/// <param name="Backend">The capture back end OpenCV chose (<c>V4L2</c>, <c>MSMF</c>, <c>DSHOW</c>, <c>FFMPEG</c>, <c>CV_IMAGES</c>…).</param>
public sealed record VideoFormat(int Width, int Height, double Fps, string FourCc, string Backend)
{
    /// <inheritdoc />
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Width}×{Height} @ {Fps:0.#} fps {(FourCc.Length > 0 ? FourCc : "-")} ({Backend})");
}
