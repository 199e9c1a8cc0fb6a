using System.Globalization;
using Gateway.Imaging.Internal;
using Gateway.Imaging.Portraits.Internal;
using OpenCvSharp;

namespace Gateway.Imaging.Portraits;

/// <summary>
/// Measures how well a camera frame would make a passport-style portrait: exactly one face, its size and centring,
/// head roll from the eye line, sharpness, exposure, contrast and a plain background, each with its value and
/// threshold, and turns the first failure into an instruction for the traveller.
/// </summary>
/// <remarks>Not thread-safe (the cascades keep scratch state): one analyzer per camera.</remarks>
public sealed class PortraitAnalyzer : IDisposable
{
    private readonly PortraitQualityOptions _options;
    private readonly FaceFinder _finder;

    /// <summary>Loads the cascades.</summary>
    /// <param name="options">Cascade paths and thresholds; the defaults when null.</param>
    /// <exception cref="FileNotFoundException">A cascade file does not exist.</exception>
    /// <exception cref="InvalidDataException">A cascade file is not a cascade.</exception>
    public PortraitAnalyzer(PortraitQualityOptions? options = null)
    {
        _options = options ?? new PortraitQualityOptions();
        _finder = new FaceFinder(_options);
    }

    /// <summary>Measures one frame.</summary>
    /// <param name="frame">A colour or grey frame.</param>
    public PortraitAnalysis Analyze(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        using var gray = OpenCvFrames.ToGrayMat(frame);
        var faces = _finder.Find(gray);
        var o = _options;
        var measures = new List<PortraitMeasure>(PortraitMeasureNames.All.Count)
        {
            new(PortraitMeasureNames.FaceCount, faces.Count, "= 1", faces.Count == 1 ? MeasureOutcome.Passed : MeasureOutcome.Failed,
                faces.Count == 0 ? PortraitFeedback.NoFace : PortraitFeedback.OnePersonOnly),
        };
        if (faces.Count == 0)
        {
            measures.AddRange(PortraitMeasureNames.All.Skip(1).Select(name => NotMeasured(name)));
            return new PortraitAnalysis(measures, null, null);
        }

        var face = faces[0];
        var box = face.Box;
        var eyes = EyesOf(face);
        var size = box.Height / (double)gray.Height;
        measures.Add(new(PortraitMeasureNames.FaceSize, size, Range(o.MinFaceSize, o.MaxFaceSize),
            Outcome(size >= o.MinFaceSize && size <= o.MaxFaceSize), size < o.MinFaceSize ? PortraitFeedback.MoveCloser : PortraitFeedback.MoveBack));

        var dx = ((box.X + (box.Width / 2.0)) / gray.Width) - 0.5;
        // The face right of centre in the image is on the traveller's left: they move to their right.
        measures.Add(new(PortraitMeasureNames.HorizontalCentring, dx, Within(o.MaxHorizontalOffset),
            Outcome(Math.Abs(dx) <= o.MaxHorizontalOffset), dx > 0 ? PortraitFeedback.MoveRight : PortraitFeedback.MoveLeft));
        var dy = ((box.Y + (box.Height / 2.0)) / gray.Height) - 0.5;
        measures.Add(new(PortraitMeasureNames.VerticalCentring, dy, Within(o.MaxVerticalOffset),
            Outcome(Math.Abs(dy) <= o.MaxVerticalOffset), dy > 0 ? PortraitFeedback.MoveUp : PortraitFeedback.MoveDown));

        var rollThreshold = string.Create(CultureInfo.InvariantCulture, $"|°| ≤ {o.MaxRollDegrees:0.#}");
        measures.Add(eyes.Detected
            ? new(PortraitMeasureNames.HeadRoll, eyes.RollDegrees, rollThreshold, Outcome(Math.Abs(eyes.RollDegrees) <= o.MaxRollDegrees), PortraitFeedback.LookStraight)
            : NotMeasured(PortraitMeasureNames.HeadRoll, rollThreshold));

        using (var faceGray = new Mat(gray, box))
        {
            var (mean, deviation, dark, bright) = QualityMeasures.Exposure(faceGray);
            measures.Add(new(PortraitMeasureNames.Brightness, mean, Range(o.MinBrightness, o.MaxBrightness),
                Outcome(mean >= o.MinBrightness && mean <= o.MaxBrightness), mean < o.MinBrightness ? PortraitFeedback.TooDark : PortraitFeedback.TooBright));
            measures.Add(new(PortraitMeasureNames.Clipping, dark + bright, AtMost(o.MaxClipping),
                Outcome(dark + bright <= o.MaxClipping), dark > bright ? PortraitFeedback.TooDark : PortraitFeedback.TooBright));
            measures.Add(new(PortraitMeasureNames.Contrast, deviation, AtLeast(o.MinContrast), Outcome(deviation >= o.MinContrast), PortraitFeedback.LowContrast));
            var sharpness = QualityMeasures.Sharpness(faceGray);
            measures.Add(new(PortraitMeasureNames.Sharpness, sharpness, AtLeast(o.MinSharpness), Outcome(sharpness >= o.MinSharpness), PortraitFeedback.HoldStill));
        }

        var background = QualityMeasures.Background(gray, box);
        measures.Add(double.IsNaN(background)
            ? NotMeasured(PortraitMeasureNames.Background, AtMost(o.MaxBackgroundDeviation))
            : new(PortraitMeasureNames.Background, background, AtMost(o.MaxBackgroundDeviation),
                Outcome(background <= o.MaxBackgroundDeviation), PortraitFeedback.PlainBackground));
        return new PortraitAnalysis(measures, new FaceRegion(box.X, box.Y, box.Width, box.Height), eyes);
    }

    /// <inheritdoc />
    public void Dispose() => _finder.Dispose();

    /// <summary>
    /// The two eyes: a detected pair (one in each half of the face box, roughly level), else estimated from the box
    /// (Haar frontal-face boxes put the eyes at about 37 % of their height, 48 % of their width apart).
    /// </summary>
    private static EyePositions EyesOf(FoundFace face)
    {
        var box = face.Box;
        var middle = box.X + (box.Width / 2.0);
        var pair = face.Eyes.Where(e => e.X < middle)
            .SelectMany(l => face.Eyes.Where(e => e.X >= middle).Select(r => (Left: l, Right: r)))
            .Where(p => p.Right.X - p.Left.X >= box.Width * 0.25 && p.Right.X - p.Left.X <= box.Width * 0.7
                && Math.Abs(p.Right.Y - p.Left.Y) <= box.Width * 0.25)
            .OrderBy(p => Math.Abs(p.Right.Y - p.Left.Y))
            .FirstOrDefault();
        if (pair.Right.X > pair.Left.X)
        {
            return new EyePositions((pair.Left.X, pair.Left.Y), (pair.Right.X, pair.Right.Y), Detected: true);
        }

        var y = box.Y + (box.Height * 0.37);
        var half = box.Width * 0.24;
        return new EyePositions((middle - half, y), (middle + half, y), Detected: false);
    }

    private static PortraitMeasure NotMeasured(string name, string threshold = "-") =>
        new(name, double.NaN, threshold, MeasureOutcome.NotApplicable, PortraitFeedback.NoFace);

    private static MeasureOutcome Outcome(bool passed) => passed ? MeasureOutcome.Passed : MeasureOutcome.Failed;

    private static string Range(double min, double max) => string.Create(CultureInfo.InvariantCulture, $"{min:0.##}–{max:0.##}");

    private static string Within(double max) => string.Create(CultureInfo.InvariantCulture, $"|x| ≤ {max:0.##}");

    private static string AtLeast(double min) => string.Create(CultureInfo.InvariantCulture, $"≥ {min:0.##}");

    private static string AtMost(double max) => string.Create(CultureInfo.InvariantCulture, $"≤ {max:0.##}");
}
