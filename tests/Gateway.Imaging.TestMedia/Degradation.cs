namespace Gateway.Imaging.TestMedia;

/// <summary>How to spoil a clean barcode the way a webcam or a cheap page scanner does.</summary>
/// <param name="RotationDegrees">Tilt, counter-clockwise.</param>
/// <param name="BlurSigma">Gaussian blur (focus), 0 for none.</param>
/// <param name="NoiseSigma">Gaussian sensor noise in grey levels, 0 for none.</param>
/// <param name="JpegQuality">JPEG quality 1–100, 0 to keep a lossless PNG.</param>
/// <param name="Scale">Resolution factor applied last (0.5 halves the pixels a module gets).</param>
/// <param name="OnPage">Placed at a random spot of a large page cluttered with text, boxes and a photo-like block.</param>
public sealed record Degradation(
    double RotationDegrees = 0,
    double BlurSigma = 0,
    double NoiseSigma = 0,
    int JpegQuality = 0,
    double Scale = 1,
    bool OnPage = false)
{
    /// <summary>A short name, e.g. <c>rot10-blur1.5-jpeg30-page</c>.</summary>
    public override string ToString()
    {
        (bool On, string Name)[] parts =
        [
            (RotationDegrees != 0, $"rot{RotationDegrees:0.#}"),
            (BlurSigma != 0, $"blur{BlurSigma:0.#}"),
            (NoiseSigma != 0, $"noise{NoiseSigma:0.#}"),
            (JpegQuality != 0, $"jpeg{JpegQuality}"),
            (Scale != 1, $"x{Scale:0.##}"),
            (OnPage, "page"),
        ];
        var names = parts.Where(p => p.On).Select(p => p.Name).ToArray();
        return names.Length == 0 ? "clean" : string.Join('-', names);
    }
}
