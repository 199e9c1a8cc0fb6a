using Gateway.Mrz;
using OpenCvSharp;

namespace Gateway.MrzOcr.Internal;

/// <summary>
/// Reads one upright crop: its ink mask, its line hypotheses (2 or 3 lines; 44 or 36 characters for two lines, 30 for
/// three), each cell through the recogniser, and the MRZ engine over the alternatives. The best reading wins: valid
/// first, then the most check digits passing, then the recogniser's confidence.
/// </summary>
internal static class CandidateReader
{
    /// <summary>Alternatives kept per position (the first choice included).</summary>
    private const int Alternatives = 4;

    /// <summary>The shifts (fractions of the pitch and of the line height) each cell is read at.</summary>
    private static readonly (float X, float Y)[] Views = [(0, 0), (-0.1f, 0), (0.1f, 0), (0, -0.08f), (0, 0.08f)];

    /// <summary>The ink mask's threshold as a fraction of Otsu's.</summary>
    private const double MaskThreshold = 0.75;

    /// <summary>
    /// Cuts the candidate upright with its ink mask. When the locator found only part of the lines (a long filler run
    /// closes into its own block on a high-resolution scan), text runs off the crop's ends: the box is lengthened and cut again.
    /// </summary>
    public static (MrzCrop Crop, byte[] Mask) Cut(Mat gray, RotatedRect box, bool flipped)
    {
        var crop = MrzCrop.Cut(gray, box, flipped);
        var mask = Mask(crop);
        var cut = LineFinder.Lines(mask, crop.Width, crop.Height)
            .Any(l => l.Length > crop.Width * 0.3f && (l.Left < crop.Width * 0.02f || l.Right > crop.Width * 0.98f));
        if (!cut)
        {
            return (crop, mask);
        }

        crop.Dispose();
        var longer = box.Size.Width >= box.Size.Height
            ? new Size2f(box.Size.Width * 2.4f, box.Size.Height)
            : new Size2f(box.Size.Width, box.Size.Height * 2.4f);
        crop = MrzCrop.Cut(gray, new RotatedRect(box.Center, longer, box.Angle), flipped);
        return (crop, Mask(crop));
    }

    public static byte[] Mask(MrzCrop crop)
    {
        using var blackHat = new Mat();
        using (var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(31, 31)))
        {
            Cv2.MorphologyEx(crop.Image, blackHat, MorphTypes.BlackHat, kernel);
        }

        // Otsu's split of the black-hat is set by the bold glyphs; the thin filler chevrons of a blurred or JPEG-damaged
        // line fall below it, and a line whose filler run vanishes is cut short and gets the wrong pitch.
        using var mask = new Mat();
        var otsu = Cv2.Threshold(blackHat, mask, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
        Cv2.Threshold(blackHat, mask, otsu * MaskThreshold, 255, ThresholdTypes.Binary);
        return FrameMats.Bytes(mask);
    }

    public static IEnumerable<Hypothesis> Hypotheses(MrzCrop crop, byte[] mask)
    {
        foreach (var lines in LineFinder.Hypotheses(mask, crop.Width, crop.Height))
        {
            int[] lengths = lines.Length == 3 ? [30] : LengthsForTwo(lines);
            foreach (var length in lengths)
            {
                yield return new Hypothesis(lines, length, [.. lines.Select(l => CellSampler.Centers(mask, crop.Width, crop.Height, l, length))]);
            }
        }
    }

    /// <summary>44 (TD3, MRV-A) or 36 (TD2, MRV-B, French card): the likelier first, by the line's length in character heights.</summary>
    private static int[] LengthsForTwo(TextLine[] lines)
    {
        var ratio = lines.Average(l => l.Length / l.Height);
        return ratio > 40 * 1.05 ? [44, 36] : [36, 44];
    }

    /// <summary>
    /// Reads the hypothesis. The centred view alone comes first: when the check digits accept it and every cell was read
    /// surely, the shifted views would only cost time; otherwise every cell is read at all five views.
    /// </summary>
    public static Reading Read(MrzCrop crop, Hypothesis hypothesis, CharClassifier classifier, MrzParseOptions options)
    {
        var quick = Read(crop, hypothesis, classifier, options, Views[..1]);
        return quick.Mrz.Valid && quick.Lines.All(l => l.Characters.All(c => c.Confidence >= SureEnough))
            ? quick
            : Read(crop, hypothesis, classifier, options, Views);
    }

    /// <summary>The first choice's probability above which a cell read from the centred view alone is taken as read.</summary>
    private const float SureEnough = 0.9f;

    private static Reading Read(MrzCrop crop, Hypothesis hypothesis, CharClassifier classifier, MrzParseOptions options, (float X, float Y)[] viewShifts)
    {
        var lines = new List<MrzOcrLine>();
        var logConfidence = 0.0;
        var count = 0;
        foreach (var (line, centers) in hypothesis.Lines.Zip(hypothesis.Centers))
        {
            // Each cell is classified as cut and slightly shifted; the probabilities are averaged, so a cell cut a little off
            // its glyph (perspective, a glyph merged with its neighbour) still reads by its better-placed views.
            var views = viewShifts.Select(v => CellSampler.Sample(crop.Pixels, crop.Width, crop.Height, line, centers, v.X, v.Y)).ToArray();
            var characters = new List<MrzOcrCharacter>();
            for (var i = 0; i < centers.Length; i++)
            {
                var probabilities = new float[CharClassifier.Alphabet.Length];
                foreach (var features in views)
                {
                    var view = classifier.Classify(features.AsSpan(i * CellSampler.Features, CellSampler.Features));
                    for (var k = 0; k < probabilities.Length; k++)
                    {
                        probabilities[k] += view[k] / views.Length;
                    }
                }

                var ranked = Enumerable.Range(0, probabilities.Length).OrderByDescending(k => probabilities[k]).Take(Alternatives)
                    .Select(k => new MrzAlternative(CharClassifier.Alphabet[k], probabilities[k])).ToArray();
                characters.Add(new MrzOcrCharacter(ranked[0].Character, ranked[0].Confidence, ranked));
                logConfidence += Math.Log(Math.Max(ranked[0].Confidence, 1e-6));
                count++;
            }

            lines.Add(new MrzOcrLine(new string([.. characters.Select(c => c.Character)]), characters));
        }

        var mrz = MrzParser.ParseAlternatives([.. lines.Select(l => (IReadOnlyList<MrzAlternative[]>)[.. l.Characters.Select(c => c.Alternatives.ToArray())])], options);
        var meanConfidence = (float)lines.SelectMany(l => l.Characters).Average(c => c.Confidence);
        return new Reading(hypothesis, lines, mrz, (float)(logConfidence / Math.Max(1, count)), meanConfidence);
    }
}

/// <summary>One hypothesis read: the lines, the engine's parse, and how sure the recogniser was.</summary>
internal sealed record Reading(Hypothesis Hypothesis, List<MrzOcrLine> Lines, MrzResult Mrz, float MeanLogConfidence, float MeanConfidence)
{
    /// <summary>Valid reads first, then the most passing check digits, then the recogniser's confidence.</summary>
    public double Score => (Mrz.Valid ? 1000 : 0) + (Mrz.Checks.Count(c => c.Passed) * 10) + MeanLogConfidence;
}
