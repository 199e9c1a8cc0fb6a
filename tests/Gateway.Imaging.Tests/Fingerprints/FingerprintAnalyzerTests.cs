using Gateway.Imaging.Fingerprints;
using Gateway.Imaging.TestMedia.Fingerprints;

namespace Gateway.Imaging.Tests.Fingerprints;

public sealed class FingerprintAnalyzerTests
{
    private static readonly FingerprintAnalyzer Analyzer = new();

    private static FingerQuality QualityOf(FingerprintVariant variant, int seed, FingerprintAnalyzer? analyzer = null)
    {
        var analysis = (analyzer ?? Analyzer).Analyze(SyntheticFingerprint.Finger(seed, variant), IsoFingerPosition.RightIndex);
        return Assert.Single(analysis.Fingers).Quality;
    }

    [Fact]
    public void Analyze_CleanFinger_OneGoodFingerWithEveryMeasure()
    {
        var analysis = Analyzer.Analyze(SyntheticFingerprint.Finger(1), IsoFingerPosition.RightIndex);

        var finger = Assert.Single(analysis.Fingers);
        Assert.Equal(IsoFingerPosition.RightIndex, finger.Position);
        Assert.Equal(FingerprintFeedback.Good, analysis.Feedback);
        Assert.InRange(finger.Quality.Score, 60, 100);
        Assert.Equal(8, finger.Quality.Measures.Count);
        Assert.InRange(finger.Quality[FingerQualityMeasureNames.ForegroundArea].Value, 200, 400);
        Assert.Equal(finger.Bounds.Width, finger.Image.Width);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Score_CleanPrint_BeatsItsBlurredLowContrastPartialDryAndWetVariants(int seed)
    {
        var clean = QualityOf(FingerprintVariant.Clean, seed).Score;

        foreach (var variant in new[] { FingerprintVariant.Blurred, FingerprintVariant.LowContrast, FingerprintVariant.Partial, FingerprintVariant.Dry, FingerprintVariant.Wet })
        {
            var spoilt = QualityOf(variant, seed).Score;
            Assert.True(spoilt < clean, $"{variant} scored {spoilt}, the clean print {clean}.");
        }
    }

    [Fact]
    public void Measures_DryAndWet_MoveTheRidgeValleyRatioApart()
    {
        var dry = QualityOf(FingerprintVariant.Dry, 1)[FingerQualityMeasureNames.RidgeValleyRatio].Value;
        var clean = QualityOf(FingerprintVariant.Clean, 1)[FingerQualityMeasureNames.RidgeValleyRatio].Value;
        var wet = QualityOf(FingerprintVariant.Wet, 1)[FingerQualityMeasureNames.RidgeValleyRatio].Value;

        Assert.True(dry < 0.6 && clean is > 0.7 and < 1.4 && wet > 1.5, $"dry {dry}, clean {clean}, wet {wet}");
    }

    [Theory]
    [InlineData(FingerprintVariant.Dry, FingerprintFeedback.TooDry)]
    [InlineData(FingerprintVariant.Wet, FingerprintFeedback.TooWet)]
    [InlineData(FingerprintVariant.LowContrast, FingerprintFeedback.PressHarder)]
    [InlineData(FingerprintVariant.Partial, FingerprintFeedback.FingerPartial)]
    [InlineData(FingerprintVariant.Blurred, FingerprintFeedback.PoorQuality)]
    [InlineData(FingerprintVariant.Clean, FingerprintFeedback.Good)]
    public void Feedback_BelowAStrictThreshold_NamesWhatToFix(FingerprintVariant variant, string expected)
    {
        var strict = new FingerprintAnalyzer(new FingerprintQualityOptions { MinimumQuality = 72 });

        Assert.Equal(expected, QualityOf(variant, 1, strict).Feedback);
    }

    [Fact]
    public void Analyze_RightSlap_SeparatesFourFingersLeftToRightWithTheirBoxes()
    {
        var analysis = Analyzer.Analyze(SyntheticFingerprint.Slap(5), IsoFingerPosition.PlainRightFourFingers);

        Assert.Equal(
            [IsoFingerPosition.RightIndex, IsoFingerPosition.RightMiddle, IsoFingerPosition.RightRing, IsoFingerPosition.RightLittle],
            analysis.Fingers.Select(f => f.Position));
        // The generator's finger centres: (270, 640), (630, 560), (990, 600), (1330, 760).
        int[][] centres = [[270, 640], [630, 560], [990, 600], [1330, 760]];
        for (var i = 0; i < 4; i++)
        {
            var box = analysis.Fingers[i].Bounds;
            Assert.InRange(centres[i][0], box.X, box.X + box.Width);
            Assert.InRange(centres[i][1], box.Y, box.Y + box.Height);
            Assert.InRange(box.Width, 150, 400);
        }

        Assert.Equal(FingerprintFeedback.Good, analysis.Feedback);
        Assert.Empty(analysis.Missing);
    }

    [Fact]
    public void Analyze_LeftSlap_NamesTheFingersLittleFirst()
    {
        var analysis = Analyzer.Analyze(SyntheticFingerprint.Slap(6), IsoFingerPosition.PlainLeftFourFingers);

        Assert.Equal(
            [IsoFingerPosition.LeftLittle, IsoFingerPosition.LeftRing, IsoFingerPosition.LeftMiddle, IsoFingerPosition.LeftIndex],
            analysis.Fingers.Select(f => f.Position));
    }

    [Fact]
    public void Analyze_SlapWithThreeFingers_AsksToPlaceTheFingersFlat()
    {
        var analysis = Analyzer.Analyze(SyntheticFingerprint.Slap(7, fingers: 3), IsoFingerPosition.PlainRightFourFingers);

        Assert.Equal(3, analysis.Fingers.Count);
        Assert.Equal(FingerprintFeedback.PlaceFingersFlat, analysis.Feedback);
        Assert.Equal([IsoFingerPosition.RightLittle], analysis.Missing);
    }

    [Fact]
    public void Analyze_BlankImage_FindsNoFinger()
    {
        var blank = new byte[400 * 400];
        Array.Fill(blank, (byte)240);

        var analysis = Analyzer.Analyze(Frame.FromPixels(400, 400, PixelFormat.Gray8, blank), IsoFingerPosition.RightThumb);

        Assert.Empty(analysis.Fingers);
        Assert.Equal(FingerprintFeedback.NoFinger, analysis.Feedback);
        Assert.Null(analysis.ErrorCode);
    }

    [Fact]
    public void Analyze_EightMegabytesOfNoise_FindsNoFinger()
    {
        var noise = new byte[4096 * 2048];
        new Random(3).NextBytes(noise);

        var analysis = Analyzer.Analyze(Frame.FromPixels(4096, 2048, PixelFormat.Gray8, noise), IsoFingerPosition.PlainRightFourFingers);

        Assert.Empty(analysis.Fingers);
        Assert.Equal(FingerprintFeedback.NoFinger, analysis.Feedback);
    }

    [Fact]
    public void Analyze_TinyImage_IsAnErrorResult()
    {
        var analysis = Analyzer.Analyze(Frame.FromPixels(20, 30, PixelFormat.Gray8, new byte[600]), IsoFingerPosition.RightIndex);

        Assert.Equal("image.too_small", analysis.ErrorCode);
        Assert.Contains("20×30", analysis.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_ImageAboveTheLimit_IsRefusedBeforeAnyWork()
    {
        var small = new FingerprintAnalyzer(new FingerprintQualityOptions { MaxPixels = 100_000 });

        var analysis = small.Analyze(SyntheticFingerprint.Slap(1), IsoFingerPosition.PlainRightFourFingers);

        Assert.Equal("image.too_large", analysis.ErrorCode);
    }

    [Fact]
    public void Decode_EightMegabytesOfRandomBytes_IsAClearError()
    {
        var bytes = new byte[8 * 1024 * 1024];
        new Random(4).NextBytes(bytes);

        var error = Assert.Throws<FrameDecodeException>(() => Frame.Decode(bytes, PixelFormat.Gray8));

        Assert.Equal("image.unreadable", error.Code);
    }
}
