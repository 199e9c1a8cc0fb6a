using Gateway.Barcodes.Bcbp;

namespace Gateway.Barcodes.Tests.Bcbp.Internal;

public sealed class BcbpContextTests
{
    [Fact]
    public void Parse_Lowercase_LenientFoldsOnceAndSaysWhere()
    {
        var result = BcbpParser.Parse(BcbpVectors.MandatoryOnly.ToLowerInvariant());

        Assert.True(result.Valid, string.Join("; ", result.Issues));
        var tolerance = Assert.Single(result.Tolerances);
        Assert.Equal("lowercase_folded", tolerance.Name);
        Assert.Equal(0, tolerance.Offset);
        Assert.Equal("DESMARAIS/LUC", result.GetValue("passenger_name"));
        Assert.Equal("YUL", result.GetValue("from_airport", "leg_1"));
    }

    [Fact]
    public void Parse_Lowercase_StrictReportsError()
    {
        var result = BcbpParser.Parse(BcbpVectors.MandatoryOnly.Replace("YUL", "yul", StringComparison.Ordinal), ParseMode.Strict);

        Assert.False(result.Valid);
        Assert.Contains(result.Errors, e => e.Code == "lowercase_folded" && e.Offset == 30);
    }

    [Fact]
    public void Parse_SectionEndsInsideItem_LenientReadsPartialItem()
    {
        // Unique section size 0x05 cuts the 4-character date of issue after two characters.
        var payload = BcbpVectors.MandatoryOnly[..58] + "09>5051WW13";

        var result = BcbpParser.Parse(payload);

        Assert.Contains(result.Tolerances, t => t.Name == "item_cut_short" && t.Offset == 67);
        Assert.Equal("13", result.GetValue("date_of_issue"));
    }
}
