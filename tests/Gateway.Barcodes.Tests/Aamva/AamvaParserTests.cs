using System.Text;
using Gateway.Barcodes.Aamva;

namespace Gateway.Barcodes.Tests.Aamva;

public sealed class AamvaParserTests
{
    [Fact]
    public void Parse_AnnexDExample_ReadsHeaderAndElements()
    {
        var result = AamvaParser.Parse(AamvaPayloads.AnnexDExample, ParseMode.Strict);

        Assert.True(result.Valid, string.Join("; ", result.Issues));
        Assert.Equal(PayloadTypes.Aamva, result.PayloadType);
        Assert.Empty(result.Tolerances);
        Assert.Equal("636000", result.GetValue("iin"));
        Assert.Equal("10", result.GetValue("aamva_version"));
        Assert.Equal("1", result.GetValue("jurisdiction_version"));
        Assert.Equal("2", result.GetValue("number_of_entries"));
        Assert.Equal("T64235789", result.GetValue("document_number", "dl"));
        Assert.Equal("SAMPLE", result.GetValue("family_name", "dl"));
        Assert.Equal("MICHAEL", result.GetValue("first_name", "dl"));
        Assert.Equal("JOHN", result.GetValue("middle_name", "dl"));
        Assert.Equal("1986-06-06", result.GetValue("date_of_birth", "dl"));
        Assert.Equal("2024-12-10", result.GetValue("date_of_expiry", "dl"));
        Assert.Equal("2019-06-06", result.GetValue("date_of_issue", "dl"));
        Assert.Equal("M", result.GetValue("sex", "dl"));
        Assert.Equal("068 in", result.GetValue("height", "dl"));
        Assert.Equal("BRO", result.GetValue("eye_colour", "dl"));
        Assert.Equal("2300 WEST BROAD STREET", result.GetValue("street", "dl"));
        Assert.Equal("RICHMOND", result.GetValue("city", "dl"));
        Assert.Equal("VA", result.GetValue("jurisdiction", "dl"));
        Assert.Equal("232690000", result.GetValue("postal_code", "dl"));
        Assert.Equal("USA", result.GetValue("country", "dl"));
        Assert.Equal("01", result.GetValue("zva", "zv"));
    }

    [Fact]
    public void Parse_AnnexDExample_KeepsRawValueCodeAndOffset()
    {
        var field = AamvaParser.Parse(AamvaPayloads.AnnexDExample).GetField("date_of_birth", "dl")!.Value;

        Assert.Equal("06061986", field.Raw);
        Assert.Equal("DBB", field.Code);
        Assert.Equal("dl.date_of_birth", field.Key);
        Assert.Equal(AamvaPayloads.AnnexDExample.IndexOf("DBB", StringComparison.Ordinal) + 3, field.Offset);
    }

    [Fact]
    public void Parse_AnnexDExample_SaysWhichDateLayoutApplied()
    {
        var check = AamvaParser.Parse(AamvaPayloads.AnnexDExample).GetCheck("date_format_dl")!.Value;

        Assert.Equal(CheckStatus.Passed, check.Status);
        Assert.Contains("MMDDCCYY (US, AAMVA version 10)", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CanadianCard_ReadsDatesAsYearFirst()
    {
        var result = AamvaParser.Parse(AamvaPayloads.Build(9, ("DL", AamvaPayloads.CanadianElements)), ParseMode.Strict);

        Assert.True(result.Valid, string.Join("; ", result.Issues));
        Assert.Equal("1990-07-04", result.GetValue("date_of_birth", "dl"));
        Assert.Equal("F", result.GetValue("sex", "dl"));
        Assert.Contains("CCYYMMDD (Canada", result.GetCheck("date_format_dl")!.Value.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Version1Card_ReadsDatesYearFirstWithoutJurisdictionVersion()
    {
        var result = AamvaParser.Parse(AamvaPayloads.Build(1, ("DL", AamvaPayloads.Version1Elements)), ParseMode.Strict);

        Assert.True(result.Valid, string.Join("; ", result.Issues));
        Assert.Null(result.GetField("jurisdiction_version"));
        Assert.Equal("SAMPLE", result.GetValue("family_name", "dl"));
        Assert.Equal("1990-07-04", result.GetValue("date_of_birth", "dl"));
        Assert.Equal("F", result.GetValue("sex", "dl"));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    public void Parse_UsCardOfEachVersion_IsValid(int version)
    {
        var result = AamvaParser.Parse(AamvaPayloads.Us(version), ParseMode.Strict);

        Assert.True(result.Valid, string.Join("; ", result.Issues));
        Assert.Equal("2028-07-04", result.GetValue("date_of_expiry", "dl"));
    }

    [Fact]
    public void Parse_NewerVersion_WarnsAndReadsWithLatestRules()
    {
        var result = AamvaParser.Parse(AamvaPayloads.Us(11));

        Assert.True(result.Valid);
        Assert.Contains(result.Warnings, w => w.Code == "newer_version");
        Assert.Equal("1990-07-04", result.GetValue("date_of_birth", "dl"));
    }

    [Fact]
    public void Parse_IdCardWithJurisdictionSubfile_ReadsBoth()
    {
        var payload = AamvaPayloads.Build(8, ("ID", AamvaPayloads.UsElements), ("ZX", ["ZXAEXAMPLE", "ZXB1"]));

        var result = AamvaParser.Parse(payload, ParseMode.Strict);

        Assert.True(result.Valid, string.Join("; ", result.Issues));
        Assert.Equal("SAMPLE", result.GetValue("family_name", "id"));
        Assert.Equal("EXAMPLE", result.GetValue("zxa", "zx"));
        Assert.Equal(CheckStatus.Passed, result.GetCheck("subfile_offset_zx")!.Value.Status);
    }

    [Fact]
    public void Parse_Bytes_MatchesText()
    {
        var fromBytes = AamvaParser.Parse(Encoding.Latin1.GetBytes(AamvaPayloads.AnnexDExample));

        Assert.Equal(AamvaParser.Parse(AamvaPayloads.AnnexDExample).Fields, fromBytes.Fields);
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => AamvaParser.Parse((string)null!));
    }
}
