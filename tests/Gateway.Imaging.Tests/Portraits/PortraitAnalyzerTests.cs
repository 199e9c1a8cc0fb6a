using Gateway.Imaging.Portraits;
using Gateway.Imaging.TestMedia.Portraits;

namespace Gateway.Imaging.Tests.Portraits;

/// <summary>
/// Each measure passes on the good scene and fails on a frame spoilt for it. Scenes are the scikit-image astronaut
/// portrait (NASA, public domain) on a plain background at 1280 × 720; negatives are skimage's camera, chelsea and coffee.
/// </summary>
public sealed class PortraitAnalyzerTests : IDisposable
{
    private readonly PortraitAnalyzer _analyzer = new();

    public void Dispose() => _analyzer.Dispose();

    [Fact]
    public void Analyze_GoodScene_PassesEveryMeasureWithBothEyes()
    {
        var analysis = Analyze(PortraitScenes.Good);

        Assert.All(analysis.Measures, m => Assert.Equal(MeasureOutcome.Passed, m.Outcome));
        Assert.Equal(PortraitMeasureNames.All, analysis.Measures.Select(m => m.Name));
        Assert.True(analysis.Passed);
        Assert.Equal(PortraitFeedback.Ready, analysis.Feedback);
        Assert.True(analysis.Eyes!.Value.Detected);
    }

    [Fact]
    public void Analyze_SmallerFrame_StillPasses()
    {
        Assert.True(Analyze(PortraitScenes.Good with { Width = 640, Height = 480 }).Passed);
    }

    [Theory]
    [InlineData(0.18, PortraitFeedback.MoveCloser)]
    [InlineData(0.80, PortraitFeedback.MoveBack)]
    public void Analyze_FaceTooSmallOrLarge_FailsFaceSize(double size, PortraitFeedback expected)
    {
        AssertFailsFirst(PortraitScenes.Good with { FaceSize = size }, PortraitMeasureNames.FaceSize, expected);
    }

    [Theory]
    [InlineData(0.28, PortraitFeedback.MoveLeft)]
    [InlineData(0.75, PortraitFeedback.MoveRight)]
    public void Analyze_OffCentreHorizontally_TellsWhichWayToMove(double x, PortraitFeedback expected)
    {
        AssertFailsFirst(PortraitScenes.Good with { CenterX = x }, PortraitMeasureNames.HorizontalCentring, expected);
    }

    [Theory]
    [InlineData(0.72, PortraitFeedback.MoveUp)]
    [InlineData(0.30, PortraitFeedback.MoveDown)]
    public void Analyze_OffCentreVertically_TellsWhichWayToMove(double y, PortraitFeedback expected)
    {
        AssertFailsFirst(PortraitScenes.Good with { CenterY = y, FaceSize = 0.3 }, PortraitMeasureNames.VerticalCentring, expected);
    }

    [Theory]
    // The source head is already rolled about 3.5° one way: these give about 11° and 13°. Much more and the frontal
    // face cascade no longer finds the face at all (then the feedback is "no face").
    [InlineData(15)]
    [InlineData(-10)]
    public void Analyze_HeadTilted_FailsRollFromTheEyeLine(double degrees)
    {
        var analysis = AssertFailsFirst(PortraitScenes.Good with { RollDegrees = degrees }, PortraitMeasureNames.HeadRoll, PortraitFeedback.LookStraight);
        Assert.True(analysis.Eyes!.Value.Detected);
    }

    [Fact]
    public void Analyze_Dark_FailsBrightnessFirst()
    {
        var analysis = AssertFailsFirst(PortraitScenes.Good with { Gain = 0.3 }, PortraitMeasureNames.Brightness, PortraitFeedback.TooDark);
        Assert.Equal(1, analysis[PortraitMeasureNames.FaceCount].Value);
    }

    [Fact]
    public void Analyze_Overexposed_FailsBrightnessAndClipping()
    {
        var analysis = AssertFailsFirst(PortraitScenes.Good with { Gain = 1.6 }, PortraitMeasureNames.Brightness, PortraitFeedback.TooBright);
        Assert.Equal(MeasureOutcome.Failed, analysis[PortraitMeasureNames.Clipping].Outcome);
        Assert.Equal(PortraitFeedback.TooBright, analysis[PortraitMeasureNames.Clipping].Feedback);
    }

    [Fact]
    public void Analyze_FlatLight_FailsContrast()
    {
        AssertFailsFirst(PortraitScenes.Good with { Contrast = 0.3 }, PortraitMeasureNames.Contrast, PortraitFeedback.LowContrast);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    public void Analyze_Blurred_FailsSharpnessOnly(double sigma)
    {
        var analysis = AssertFailsFirst(PortraitScenes.Good with { BlurSigma = sigma }, PortraitMeasureNames.Sharpness, PortraitFeedback.HoldStill);
        Assert.Single(analysis.Measures, m => m.Outcome == MeasureOutcome.Failed);
    }

    [Fact]
    public void Analyze_ClutteredBackground_FailsBackground()
    {
        AssertFailsFirst(PortraitScenes.Good with { Cluttered = true }, PortraitMeasureNames.Background, PortraitFeedback.PlainBackground);
    }

    [Fact]
    public void Analyze_TwoFaces_FailsFaceCount()
    {
        var analysis = AssertFailsFirst(PortraitScenes.Good with { Faces = 2, FaceSize = 0.3 }, PortraitMeasureNames.FaceCount, PortraitFeedback.OnePersonOnly);
        Assert.Equal(2, analysis[PortraitMeasureNames.FaceCount].Value);
    }

    [Fact]
    public void Analyze_EmptyBooth_FailsFaceCountAndMeasuresNothingElse()
    {
        var analysis = AssertFailsFirst(PortraitScenes.Good with { Faces = 0 }, PortraitMeasureNames.FaceCount, PortraitFeedback.NoFace);
        Assert.All(analysis.Measures.Skip(1), m => Assert.Equal(MeasureOutcome.NotApplicable, m.Outcome));
        Assert.Null(analysis.Face);
    }

    [Theory]
    [InlineData("camera.png")]
    [InlineData("chelsea.png")]
    [InlineData("coffee.png")]
    public void Analyze_ImagesWithoutFrontalFace_FindNoFace(string name)
    {
        using var image = PortraitScenes.Letterboxed(Path.Combine(FaceImages.Folder, name));
        var analysis = _analyzer.Analyze(PortraitScenes.ToFrame(image));

        Assert.Equal(0, analysis[PortraitMeasureNames.FaceCount].Value);
        Assert.Equal(PortraitFeedback.NoFace, analysis.Feedback);
    }

    [Fact]
    public void Analyze_UnchangedAstronautPhoto_AsksToMoveCloser()
    {
        // The source photo itself: a frontal face that is too small and too high for a passport portrait.
        using var image = PortraitScenes.Letterboxed(FaceImages.Astronaut);
        var analysis = _analyzer.Analyze(PortraitScenes.ToFrame(image));

        Assert.Equal(1, analysis[PortraitMeasureNames.FaceCount].Value);
        Assert.Equal(PortraitFeedback.MoveCloser, analysis.Feedback);
    }

    [Fact]
    public void Measure_Detail_ShowsValueAndThreshold()
    {
        var sharpness = Analyze(PortraitScenes.Good)[PortraitMeasureNames.Sharpness];

        Assert.Matches(@"^\d+(\.\d+)? \(≥ 60\)$", sharpness.Detail);
    }

    [Fact]
    public void Constructor_MissingCascade_SaysWhichFile()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => new PortraitAnalyzer(new PortraitQualityOptions { FaceCascadePath = "/nonexistent/face.xml" }));
        Assert.Contains("/nonexistent/face.xml", ex.Message, StringComparison.Ordinal);
    }

    private PortraitAnalysis Analyze(PortraitScene scene) => _analyzer.Analyze(PortraitScenes.FrameOf(scene));

    private PortraitAnalysis AssertFailsFirst(PortraitScene scene, string measure, PortraitFeedback feedback)
    {
        var analysis = Analyze(scene);
        var failed = analysis.Measures.First(m => m.Outcome == MeasureOutcome.Failed);
        Assert.Equal(measure, failed.Name);
        Assert.Equal(feedback, analysis.Feedback);
        Assert.False(analysis.Passed);
        return analysis;
    }
}
