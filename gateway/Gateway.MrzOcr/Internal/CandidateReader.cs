using System.Numerics.Tensors;
using Gateway.Imaging.Internal;
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

    /// <summary>The reach, in pixels of the crop reduced four times, of the paper's brightness the ink is measured against.</summary>
    private const int BackgroundKernel = 9;

    /// <summary>The ink mask's threshold as a fraction of Otsu's.</summary>
    private const double MaskThreshold = 0.75;

    /// <summary>
    /// Cuts the candidate upright with its ink mask. When the locator found only part of the lines (a long filler run
    /// closes into its own block on a high-resolution scan), text runs off the crop's ends: the box is lengthened and cut
    /// again. A line along the crop's top or bottom edge does not count (a card's edge in a camera frame ran off the
    /// ends of five of the evaluation set's sixty crops, each then cut twice).
    /// </summary>
    public static CutCrop Cut(Mat gray, RotatedRect box, bool flipped)
    {
        var crop = MrzCrop.Cut(gray, box, flipped);
        var mask = Mask(crop);
        var lines = LineFinder.Lines(mask, crop.Width, crop.Height);
        var cut = lines.Any(l => l.Length > crop.Width * 0.3f && (l.Left < crop.Width * 0.02f || l.Right > crop.Width * 0.98f) && !AlongEdge(l, crop.Height));
        if (!cut)
        {
            return new CutCrop(crop, mask, lines);
        }

        crop.Dispose();
        var longer = box.Size.Width >= box.Size.Height
            ? new Size2f(box.Size.Width * 2.4f, box.Size.Height)
            : new Size2f(box.Size.Width, box.Size.Height * 2.4f);
        crop = MrzCrop.Cut(gray, new RotatedRect(box.Center, longer, box.Angle), flipped);
        mask = Mask(crop);
        return new CutCrop(crop, mask, LineFinder.Lines(mask, crop.Width, crop.Height));
    }

    /// <summary>
    /// Whether a line lies along the crop's top or bottom edge: a document's edge or the border of a table, which runs
    /// across the whole crop; the text block, which the crop is centred on, never lies there.
    /// </summary>
    private static bool AlongEdge(TextLine line, int height)
    {
        var y = line.CenterY((line.Left + line.Right) / 2);
        return y < line.Height || y > height - line.Height;
    }

    /// <summary>A mean log probability above which a cut is read the way it is without trying the other way first (log 0.9; crops upside down read at log 0.82 or less on the tuning set).</summary>
    private const double SureWayUp = -0.105;

    /// <summary>Every how many cells the way-up test reads one.</summary>
    private const int WayUpStride = 3;

    /// <summary>
    /// A candidate's cut both ways up, the likelier first: the upright cut (<paramref name="cuts"/>' only element) and the
    /// same turned half a turn, made when it is wanted and added to <paramref name="cuts"/> (for the caller to dispose).
    /// The turned cut comes first when the upright one reads unsurely and the turned one more surely, by a sample of the
    /// cells of each one's likeliest hypothesis read at the centred view: OCR-B upside down reads as few sure characters
    /// (every filler turns into a '>', which is not one of them).
    /// </summary>
    public static IEnumerable<CutCrop> WaysUp(List<CutCrop> cuts, CharClassifier classifier)
    {
        var upright = cuts[0];
        var sureness = Sureness(upright, classifier);
        if (sureness >= SureWayUp)
        {
            yield return upright;
            cuts.Add(upright.Turned());
            yield return cuts[1];
            yield break;
        }

        cuts.Add(upright.Turned());
        var turnedFirst = Sureness(cuts[1], classifier) > sureness;
        yield return turnedFirst ? cuts[1] : upright;
        yield return turnedFirst ? upright : cuts[1];
    }

    /// <summary>The mean log probability of the first choice over a sample of the first hypothesis's cells.</summary>
    private static double Sureness(CutCrop cut, CharClassifier classifier)
    {
        if (cut.Hypotheses().FirstOrDefault() is not { } first)
        {
            return double.NegativeInfinity;
        }

        Span<float> features = stackalloc float[CellSampler.Features];
        var (sum, count) = (0.0, 0);
        for (var l = 0; l < first.Lines.Length; l++)
        {
            var contrast = CellSampler.Contrast(cut.Crop.Pixels, cut.Crop.Width, cut.Crop.Height, first.Lines[l]);
            for (var i = 0; i < first.Centers[l].Length; i += WayUpStride)
            {
                var probabilities = Centred(cut.Crop, first, l, i, contrast, classifier, features);
                sum += Math.Log(Math.Max(TensorPrimitives.Max<float>(probabilities), 1e-6f));
                count++;
            }
        }

        return sum / Math.Max(1, count);
    }

    /// <summary>A cell's probabilities at the centred view: read once per hypothesis, then shared by the way-up test and every reading.</summary>
    private static float[] Centred(MrzCrop crop, Hypothesis hypothesis, int line, int cell, LineContrast contrast, CharClassifier classifier, Span<float> features)
    {
        if (hypothesis.Centred[line][cell] is { } known)
        {
            return known;
        }

        var centers = hypothesis.Centers[line];
        var probabilities = new float[CharClassifier.Alphabet.Length];
        CellSampler.SampleCell(crop.Pixels, crop.Width, crop.Height, hypothesis.Lines[line], contrast, centers[cell], CellSampler.Pitch(hypothesis.Lines[line], centers), 0, 0, features);
        classifier.Classify(features, probabilities);
        return hypothesis.Centred[line][cell] = probabilities;
    }

    public static byte[] Mask(MrzCrop crop)
    {
        // The ink: darkness against the paper within about 36 pixels (a 31-pixel black-hat filter before; the same reads).
        using var darkness = Darkness.Of(crop.Image, halvings: 2, reach: BackgroundKernel);

        // Otsu's split of the darkness is set by the bold glyphs; the thin filler chevrons of a blurred or JPEG-damaged
        // line fall below it, and a line whose filler run vanishes is cut short and gets the wrong pitch.
        using var mask = new Mat();
        var otsu = Cv2.Threshold(darkness, mask, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
        Cv2.Threshold(darkness, mask, otsu * MaskThreshold, 255, ThresholdTypes.Binary);
        return OpenCvFrames.GrayBytes(mask);
    }

    /// <summary>The crop's MRZ hypotheses, the likeliest first: line groups of <paramref name="found"/>, each at its possible line lengths.</summary>
    public static IEnumerable<Hypothesis> Hypotheses(MrzCrop crop, byte[] mask, List<TextLine> found)
    {
        foreach (var lines in LineFinder.Hypotheses(found))
        {
            int[] lengths = lines.Length == 3 ? [30] : LengthsForTwo(lines);
            foreach (var length in lengths)
            {
                yield return new Hypothesis(lines, length, [.. lines.Select(l => CellSampler.Centers(mask, crop.Width, crop.Height, l, length))]);
            }
        }
    }

    /// <summary>
    /// The line length in line heights that tells the two-line formats apart: a measured line is about 0.9 of its
    /// character count long (on the tuning set, TD2 lines at most 35.0 heights, TD3 lines at least 35.3).
    /// </summary>
    private const float TwoLineSplit = 35.15f;

    /// <summary>44 (TD3, MRV-A) or 36 (TD2, MRV-B, French card): the likelier first, by the line's length in line heights.</summary>
    private static int[] LengthsForTwo(TextLine[] lines)
    {
        var ratio = lines.Average(l => l.Length / l.Height);
        return ratio > TwoLineSplit ? [44, 36] : [36, 44];
    }

    /// <summary>The first choice's probability above which a cell read from the centred view alone is taken as read.</summary>
    private const float SureEnough = 0.9f;

    /// <summary>
    /// Reads the hypothesis. Each cell is classified as cut; a cell read less surely than <see cref="SureEnough"/> is read
    /// again at four slightly shifted views and the five probabilities are averaged, so a cell cut a little off its glyph
    /// (perspective, a glyph merged with its neighbour) still reads by its better-placed views. The check digits then
    /// choose among each position's alternatives. When they fail, every cell is read at all five views; with
    /// <paramref name="thorough"/>, every cell is read at all five views at once.
    /// </summary>
    public static Reading Read(MrzCrop crop, Hypothesis hypothesis, CharClassifier classifier, MrzParseOptions options, bool thorough = false)
    {
        if (thorough)
        {
            return Read(crop, hypothesis, classifier, options, sureEnough: float.PositiveInfinity);
        }

        // A cell read surely but wrongly keeps its one view; when the check digits then fail, every cell is read at all
        // five views, as the averaging may change a sure first choice, and the better reading is kept.
        // A hypothesis on the wrong lines, length or way up passes hardly any check digit: it is not read again.
        var adaptive = Read(crop, hypothesis, classifier, options, SureEnough);
        if (adaptive.Mrz.Valid || adaptive.Mrz.Checks.Count(c => c.Passed) * 2 < adaptive.Mrz.Checks.Count)
        {
            return adaptive;
        }

        var full = Read(crop, hypothesis, classifier, options, sureEnough: float.PositiveInfinity);
        return full.Score >= adaptive.Score ? full : adaptive;
    }

    private static Reading Read(MrzCrop crop, Hypothesis hypothesis, CharClassifier classifier, MrzParseOptions options, float sureEnough)
    {
        var lines = new List<MrzOcrLine>();
        var logConfidence = 0.0;
        var count = 0;
        Span<float> features = stackalloc float[CellSampler.Features];
        Span<float> view = stackalloc float[CharClassifier.Alphabet.Length];
        for (var l = 0; l < hypothesis.Lines.Length; l++)
        {
            var (line, centers) = (hypothesis.Lines[l], hypothesis.Centers[l]);
            var contrast = CellSampler.Contrast(crop.Pixels, crop.Width, crop.Height, line);
            var pitch = CellSampler.Pitch(line, centers);
            var characters = new MrzOcrCharacter[centers.Length];
            for (var i = 0; i < centers.Length; i++)
            {
                var probabilities = Centred(crop, hypothesis, l, i, contrast, classifier, features);
                if (TensorPrimitives.Max<float>(probabilities) < sureEnough)
                {
                    probabilities = (float[])probabilities.Clone();
                    foreach (var (x, y) in Views.AsSpan(1))
                    {
                        CellSampler.SampleCell(crop.Pixels, crop.Width, crop.Height, line, contrast, centers[i], pitch, x, y, features);
                        classifier.Classify(features, view);
                        for (var k = 0; k < probabilities.Length; k++)
                        {
                            probabilities[k] += view[k];
                        }
                    }

                    for (var k = 0; k < probabilities.Length; k++)
                    {
                        probabilities[k] /= Views.Length;
                    }
                }

                var ranked = Enumerable.Range(0, probabilities.Length).OrderByDescending(k => probabilities[k]).Take(Alternatives)
                    .Select(k => new MrzAlternative(CharClassifier.Alphabet[k], probabilities[k])).ToArray();
                characters[i] = new MrzOcrCharacter(ranked[0].Character, ranked[0].Confidence, ranked);
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
