namespace Gateway.Imaging.TestMedia;

/// <summary>One generated test image and what it must decode to.</summary>
/// <param name="Name">A file name without extension, unique in the set, e.g. <c>017-PDF417-rot10-jpeg30-page</c>.</param>
/// <param name="Symbology">The symbology drawn.</param>
/// <param name="Payload">The content drawn.</param>
/// <param name="Degradation">What was done to it.</param>
/// <param name="Image">The encoded image file.</param>
/// <param name="Extension">"png" or "jpg".</param>
public sealed record DegradedSample(string Name, string Symbology, string Payload, Degradation Degradation, byte[] Image, string Extension);

/// <summary>
/// The degraded set: travel-document payloads in every 2D symbology and Code 128, tilted 0–15°, blurred, noisy, JPEG
/// quality 30–50, at reduced resolution and on cluttered pages, drawn from a fixed seed so it is the same on every run.
/// </summary>
public static class DegradedSet
{
    /// <summary>Specimen payloads by symbology (generated data and published specimen documents only).</summary>
    public static IReadOnlyList<(string Symbology, string Payload)> Payloads { get; } =
    [
        // IATA BCBP Resolution 792 implementation guide example (fictitious passenger).
        ("PDF417", "M1DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100"),
        ("AZTEC", "M1DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100"),
        ("QR_CODE", "M1DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100"),
        // A generated AAMVA-shaped payload for the specimen traveller of ICAO Doc 9303.
        ("PDF417", "@\n\u001e\rANSI 636000100002DL00410278ZV03190008DLDAQT64235789\nDCSERIKSSON\nDACANNA\nDADMARIA\nDBB07121974\nDBA07122031\nDAJUT\nDCGUTO\n\rZVZVA01\r"),
        // A visible-digital-seal-like binary block in Data Matrix (bytes of every value).
        ("DATA_MATRIX", "\u00dc\u0003jR\u0014\u00a1\u0098\u00b5\u0000\u0001\u0002\u00ff\u00fe\u007f DOCUMENT L898902C3"),
        ("DATA_MATRIX", "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<L898902C36UTO7408122F1204159ZE184226B<<<<<10"),
        ("QR_CODE", "{\"data\":{\"hdr\":{\"t\":\"icao.test\",\"v\":1,\"is\":\"UTO\"},\"msg\":{\"pid\":{\"n\":\"ERIKSSON ANNA\"}}}}"),
        ("CODE_128", "UTO-L898902C3"),
    ];

    // Rendered at about 2–3 pixels a module (a 300 ppi page scan or a webcam held close), before degradation.
    private static int Width(string symbology) => symbology switch
    {
        "PDF417" => 760,
        "CODE_128" => 500,
        _ => 420,
    };

    /// <summary>The degradations, from harmless to hard.</summary>
    public static IReadOnlyList<Degradation> Degradations { get; } =
    [
        new(),
        new(RotationDegrees: 5),
        new(RotationDegrees: 10),
        new(RotationDegrees: 15),
        new(RotationDegrees: 7, BlurSigma: 1.2),
        new(BlurSigma: 1.5, NoiseSigma: 10),
        new(JpegQuality: 30),
        new(RotationDegrees: 12, JpegQuality: 40),
        new(Scale: 0.6, JpegQuality: 50),
        new(RotationDegrees: 8, NoiseSigma: 8, OnPage: true),
        new(RotationDegrees: 15, BlurSigma: 1, JpegQuality: 35, OnPage: true),
        new(RotationDegrees: 3, Scale: 0.7, JpegQuality: 45, OnPage: true),
    ];

    /// <summary>Every payload under every degradation, in a fixed order.</summary>
    /// <param name="seed">Seeds page layouts and noise.</param>
    public static IEnumerable<DegradedSample> Generate(int seed = 9303)
    {
        var index = 0;
        foreach (var (symbology, payload) in Payloads)
        {
            using var clean = SyntheticBarcodes.Render(symbology, payload, Width(symbology));
            foreach (var degradation in Degradations)
            {
                var (image, _) = Degrader.Apply(clean, degradation, seed + index);
                var extension = degradation.JpegQuality > 0 ? "jpg" : "png";
                yield return new DegradedSample($"{index:000}-{symbology}-{degradation}", symbology, payload, degradation, image, extension);
                index++;
            }
        }
    }
}
