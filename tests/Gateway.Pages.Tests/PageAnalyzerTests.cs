using Gateway.Drivers.PageReader.Simulated;
using Gateway.Drivers.PageReader.Simulated.Specimens;
using Gateway.Imaging.Barcodes;

namespace Gateway.Pages.Tests;

public sealed class PageAnalyzerTests
{
    // Budgets far above the work, so that a loaded test machine never changes an outcome (speed is the benchmark's job).
    private static readonly PageAnalyzer Analyzer = new(new PageAnalyzerOptions { MrzBudget = TimeSpan.FromSeconds(20), BarcodeBudget = TimeSpan.FromSeconds(20) });

    [Theory]
    [InlineData(SimulatedFormat.Td1, DocumentClass.Td1, Symbologies.DataMatrix)]
    [InlineData(SimulatedFormat.Td2, DocumentClass.Td2, Symbologies.Pdf417)]
    [InlineData(SimulatedFormat.Td3, DocumentClass.Td3, null)]
    [InlineData(SimulatedFormat.Visa, DocumentClass.VisaA, Symbologies.Pdf417)]
    public void Analyze_EachSimulatedFormat_ReadsMrzBarcodePortraitAndClass(SimulatedFormat format, DocumentClass expected, string? symbology)
    {
        var document = Specimens.Document(format);

        var result = Analyzer.Analyze(Specimens.Pages(Specimens.Render(document)));

        AssertMrz(document, result, PageLight.Infrared);
        Assert.Equal(expected, result.DocumentClass);
        var (width, height) = document.SizeMm;
        Assert.InRange(result.WidthMm, width - 1.5, width + 1.5);
        Assert.InRange(result.HeightMm, height - 1.5, height + 1.5);
        if (symbology is null)
        {
            Assert.Empty(result.Barcodes);
        }
        else
        {
            var barcode = Assert.Single(result.Barcodes);
            Assert.Equal(symbology, barcode.Symbology);
            Assert.StartsWith("@\n\u001e\rANSI ", barcode.Text, StringComparison.Ordinal);
            Assert.Contains("DAQ" + document.Data.DocumentNumber + "\n", barcode.Text, StringComparison.Ordinal);
        }

        AssertPortrait(result);
        Assert.Equal([PageHints.MrzVisibleInfrared, PageHints.PortraitDarkInfrared], result.Hints.Select(h => h.Name));
        Assert.All(result.Hints, h => Assert.Equal(PageHintOutcome.Passed, h.Outcome));
    }

    [Theory]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public void Analyze_DocumentTurnedOnTheGlass_ReadsItUprightAndReportsTheTurn(double degrees)
    {
        var document = Specimens.Document(SimulatedFormat.Td1, seed: 2);

        var result = Analyzer.Analyze(Specimens.Pages(Specimens.Render(document, new SpecimenPlacement(degrees + 2))));

        AssertMrz(document, result, PageLight.Infrared);
        Assert.Equal(DocumentClass.Td1, result.DocumentClass);
        Assert.InRange(Math.Abs(AngleDifference(result.RotationDegrees, degrees + 2)), 0, 1);
        AssertPortrait(result);
        // The portrait is on the document's left, whatever the turn: its corners follow the document's in the image.
        var (q, p) = (result.DocumentQuad, result.PortraitQuad);
        Assert.True(Distance(p[0], q[0]) < Distance(p[0], q[1]), "the portrait's top-left lies nearer the document's top-left than its top-right");
    }

    [Fact]
    public void Analyze_DocumentOffCentreInACorner_IsFoundWhereItLies()
    {
        var document = Specimens.Document(SimulatedFormat.Td1, seed: 3);
        var placement = new SpecimenPlacement(-2, OffsetXMm: -28, OffsetYMm: -24);

        var images = Specimens.Render(document, placement);
        var result = Analyzer.Analyze(Specimens.Pages(images));

        AssertMrz(document, result, PageLight.Infrared);
        AssertPortrait(result);
        // The document's centre on the glass: the glass's centre plus the offset, in pixels.
        var mm = images.Ppi / 25.4;
        var (x, y) = ((images.Width / 2.0) - (28 * mm), (images.Height / 2.0) - (24 * mm));
        Assert.InRange(result.DocumentQuad.Average(p => p.X), x - (2 * mm), x + (2 * mm));
        Assert.InRange(result.DocumentQuad.Average(p => p.Y), y - (2 * mm), y + (2 * mm));
        Assert.InRange(result.RotationDegrees, 356f, 360f);
    }

    [Fact]
    public void Analyze_PageWithoutMrz_ReportsNoMrzAndClassifiesBySize()
    {
        var document = Specimens.Document(SimulatedFormat.Td3, seed: 4) with { HasMrz = false };

        var result = Analyzer.Analyze(Specimens.Pages(Specimens.Render(document)));

        Assert.Null(result.ErrorCode);
        Assert.NotNull(result.Mrz);
        Assert.False(result.Mrz.Found);
        Assert.Equal("mrz.not_found", result.Mrz.ErrorCode);
        Assert.Equal(DocumentClass.Td3, result.DocumentClass);
        AssertPortrait(result);
        Assert.Equal(PageHintOutcome.NotApplicable, result.Hints.Single(h => h.Name == PageHints.MrzVisibleInfrared).Outcome);
    }

    [Fact]
    public void Analyze_InfraredImageMissing_ReadsTheMrzUnderWhiteLightAndCannotJudgeTheHints()
    {
        var document = Specimens.Document(SimulatedFormat.Td3, seed: 5);

        var result = Analyzer.Analyze(Specimens.Pages(Specimens.Render(document), infrared: false));

        AssertMrz(document, result, PageLight.Visible);
        AssertPortrait(result);
        Assert.All(result.Hints, h => Assert.Equal(PageHintOutcome.NotApplicable, h.Outcome));
    }

    [Fact]
    public void Analyze_CopyPrintedWithoutInfraredInk_FailsBothHints()
    {
        var document = Specimens.Document(SimulatedFormat.Td3, seed: 6) with { InfraredInk = false };

        var result = Analyzer.Analyze(Specimens.Pages(Specimens.Render(document)));

        AssertMrz(document, result, PageLight.Visible);
        Assert.All(result.Hints, h => Assert.Equal(PageHintOutcome.Failed, h.Outcome));
    }

    [Fact]
    public void Analyze_CorruptImage_IsAResultWithItsErrorCode()
    {
        var result = Analyzer.Analyze([new PageImage(new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 }, PageLight.Visible)]);

        Assert.Equal("image.unreadable", result.ErrorCode);
        Assert.Null(result.Mrz);
    }

    [Fact]
    public void Analyze_NoImages_IsAResultWithItsErrorCode() =>
        Assert.Equal("page.no_images", Analyzer.Analyze([]).ErrorCode);

    private static void AssertMrz(SpecimenDocument document, PageAnalysis result, PageLight light)
    {
        Assert.Null(result.ErrorCode);
        Assert.NotNull(result.Mrz);
        Assert.True(result.Mrz.Found, result.Mrz.Error);
        Assert.True(result.Mrz.Mrz!.Valid, string.Join(" / ", result.Mrz.Lines.Select(l => l.Text)));
        Assert.Equal(document.MrzLines, result.Mrz.Mrz.CorrectedLines);
        Assert.Equal(light, result.MrzLight);
    }

    private static void AssertPortrait(PageAnalysis result)
    {
        var portrait = Assert.IsType<Imaging.Frame>(result.Portrait);
        Assert.InRange((double)portrait.Width / portrait.Height, 0.7, 0.85);
        Assert.Equal(4, result.PortraitQuad.Count);
    }

    private static double AngleDifference(double a, double b) => ((a - b + 540) % 360) - 180;

    private static double Distance(ImagePoint a, ImagePoint b) => Math.Sqrt(Math.Pow(a.X - b.X, 2) + Math.Pow(a.Y - b.Y, 2));
}
