using Gateway.Imaging;
using Gateway.Mrz;
using Gateway.MrzOcr.TestMedia;

namespace Gateway.MrzOcr.Tests;

/// <summary>
/// The reader on the fixed, seeded evaluation set (page scans and camera frames of TD1, TD2 and TD3, never used to train
/// the recogniser) and on bad input. The thresholds are a floor under the figures in the README, not a target.
/// </summary>
public sealed class MrzReaderTests(EvaluationSet set) : IClassFixture<EvaluationSet>
{
    [Fact]
    public void Read_EvaluationSet_ReadsCharactersAccurately()
    {
        long total = 0, right = 0;
        foreach (var (sample, result) in set.Reads)
        {
            var truth = sample.Text.Split('\n');
            var read = result.Mrz?.CorrectedLines ?? [];
            for (var l = 0; l < truth.Length; l++)
            {
                for (var c = 0; c < truth[l].Length; c++)
                {
                    total++;
                    right += l < read.Count && c < read[l].Length && read[l][c] == truth[l][c] ? 1 : 0;
                }
            }
        }

        // The goal: 99.5 % of characters (the reader gets 100 % on this set).
        Assert.True(right >= total * 0.995, $"{right} of {total} characters read right.");
    }

    [Fact]
    public void Read_EvaluationSet_ReadsMostMrzsExactly()
    {
        var exact = set.Reads.Count(r => r.Result.Mrz is { } mrz && string.Join('\n', mrz.CorrectedLines) == r.Sample.Text);

        // The goal: 95 % of MRZs exactly (the reader gets 30 of 30 on this set).
        Assert.True(exact >= EvaluationSet.Count * 0.95, $"{exact} of {EvaluationSet.Count} read exactly.");
    }

    [Fact]
    public void Read_EvaluationSet_NeverValidatesWrongCheckedFields()
    {
        // A valid read may still misread a name (no check digit covers it), never a checked field.
        foreach (var (sample, result) in set.Reads.Where(r => r.Result.Mrz?.Valid == true))
        {
            var truth = MrzParser.Parse(sample.Text);
            foreach (var name in (MrzFieldName[])[MrzFieldName.DocumentNumber, MrzFieldName.DateOfBirth, MrzFieldName.DateOfExpiry])
            {
                Assert.Equal(truth.GetField(name)?.Value, result.Mrz!.GetField(name)?.Value);
            }
        }
    }

    [Fact]
    public void Read_EvaluationSet_ReportsTheMrzWhereItIs()
    {
        foreach (var (sample, result) in set.Reads.Where(r => r.Result.Mrz?.Valid == true))
        {
            var center = (X: sample.Quad.Average(p => p.X), Y: sample.Quad.Average(p => p.Y));
            var found = (X: result.Quad.Average(p => p.X), Y: result.Quad.Average(p => p.Y));
            var width = Math.Sqrt(Math.Pow(sample.Quad[1].X - sample.Quad[0].X, 2) + Math.Pow(sample.Quad[1].Y - sample.Quad[0].Y, 2));
            Assert.True(Math.Abs(center.X - found.X) < width * 0.1 && Math.Abs(center.Y - found.Y) < width * 0.1, sample.Name);
        }
    }

    [Fact]
    public void Read_EvaluationSet_GivesEveryPositionItsAlternatives()
    {
        var result = set.Reads.First(r => r.Result.Found).Result;

        Assert.All(result.Lines.SelectMany(l => l.Characters), c =>
        {
            Assert.Equal(c.Character, c.Alternatives[0].Character);
            Assert.InRange(c.Confidence, 0f, 1f);
            Assert.True(c.Alternatives.Count > 1);
        });
    }

    [Fact]
    public void Read_ImageWithoutMrz_ReportsNotFound()
    {
        var random = new Random(5);
        var pixels = new byte[800 * 600];
        random.NextBytes(pixels);
        var noise = Frame.FromPixels(800, 600, PixelFormat.Gray8, pixels);

        var result = new MrzReader().Read(noise);

        Assert.False(result.Found);
        Assert.Equal("mrz.not_found", result.ErrorCode);
        Assert.Null(result.Mrz);
    }

    [Fact]
    public void Read_BlankPage_ReportsNotFound()
    {
        var page = Frame.FromPixels(1200, 900, PixelFormat.Gray8, Enumerable.Repeat((byte)240, 1200 * 900).ToArray());

        Assert.Equal("mrz.not_found", new MrzReader().Read(page).ErrorCode);
    }

    [Fact]
    public void Read_CorruptFile_ReportsUnreadable()
    {
        var sample = MrzSets.Evaluation(1).First();

        var result = new MrzReader().Read(sample.Image.AsSpan(0, sample.Image.Length / 3));

        Assert.False(result.Found);
        Assert.Equal("image.unreadable", result.ErrorCode);
    }

    [Fact]
    public void Read_ImageLargerThanAllowed_ReportsTooLarge()
    {
        var sample = MrzSets.Evaluation(1).First();

        var result = new MrzReader(new MrzReaderOptions { MaxPixels = 1000 }).Read(sample.Image);

        Assert.Equal("image.too_large", result.ErrorCode);
    }

    [Fact]
    public void Read_WithDebugImages_ReturnsCropAndSegmentation()
    {
        var sample = set.Reads.First(r => r.Result.Mrz?.Valid == true).Sample;

        var result = new MrzReader(new MrzReaderOptions { IncludeDebugImages = true }).Read(sample.Image);

        Assert.NotNull(result.Crop);
        Assert.NotNull(result.Segmentation);
    }

    [Fact]
    public void Read_WithCorrectionOff_ReportsNoCorrections()
    {
        var sample = set.Reads.First(r => r.Result.Found).Sample;

        var result = new MrzReader(new MrzReaderOptions { ParseOptions = MrzParseOptions.Default with { EnableCorrection = false } }).Read(sample.Image);

        Assert.Empty(result.Mrz!.Corrections);
    }

    [Fact]
    public void Read_Cancelled_Throws()
    {
        var sample = MrzSets.Evaluation(1).First();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => new MrzReader().Read(sample.Image, cancelled.Token));
    }
}
