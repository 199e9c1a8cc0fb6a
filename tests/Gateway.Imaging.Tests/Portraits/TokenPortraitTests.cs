using Gateway.Imaging.Portraits;
using Gateway.Imaging.TestMedia.Portraits;

namespace Gateway.Imaging.Tests.Portraits;

public sealed class TokenPortraitTests : IDisposable
{
    private readonly PortraitAnalyzer _analyzer = new();

    public void Dispose() => _analyzer.Dispose();

    [Theory]
    [InlineData(0.5, 0.5, 0)]
    [InlineData(0.35, 0.6, 6)]
    public void Crop_PutsTheEyesWhereTheTokenGeometrySays(double x, double y, double roll)
    {
        var frame = PortraitScenes.FrameOf(PortraitScenes.Good with { CenterX = x, CenterY = y, RollDegrees = roll, FaceSize = 0.35 });
        var analysis = _analyzer.Analyze(frame);

        var token = TokenPortrait.Crop(frame, analysis, width: 480);

        Assert.Equal((480, 640), (token.Width, token.Height));
        // Analysing the token again finds the eyes at (0.5 W, 0.6 W), 0.25 W apart and level, within detector jitter.
        var again = _analyzer.Analyze(Frame.Decode(token.Data));
        var eyes = again.Eyes!.Value;
        Assert.True(eyes.Detected);
        Assert.InRange((eyes.Left.X + eyes.Right.X) / 2, 480 * 0.5 - 15, 480 * 0.5 + 15);
        Assert.InRange((eyes.Left.Y + eyes.Right.Y) / 2, 480 * 0.6 - 15, 480 * 0.6 + 15);
        Assert.InRange(eyes.Distance, 480 * 0.25 * 0.85, 480 * 0.25 * 1.15);
        Assert.InRange(eyes.RollDegrees, -4, 4);
    }

    [Fact]
    public void Crop_WithoutFace_CutsTheCentreAtTokenProportions()
    {
        var frame = PortraitScenes.FrameOf(PortraitScenes.Good with { Faces = 0 });
        var analysis = _analyzer.Analyze(frame);

        var token = TokenPortrait.Crop(frame, analysis, width: 300);

        Assert.Equal((300, 400), (token.Width, token.Height));
        Assert.Equal(300, Frame.Decode(token.Data).Width);
    }
}
