using Gateway.Barcodes.Bcbp;

namespace Gateway.Barcodes.Tests.Bcbp.Internal;

public sealed class BcbpItemChecksTests
{
    [Fact]
    public void Parse_IataExample_PassesItemChecks()
    {
        var result = BcbpParser.Parse(BcbpVectors.MandatoryOnly);

        Assert.Equal(CheckStatus.Passed, result.GetCheck("from_airport_leg_1")!.Value.Status);
        Assert.Equal(CheckStatus.Passed, result.GetCheck("to_airport_leg_1")!.Value.Status);
        Assert.Equal(CheckStatus.Passed, result.GetCheck("flight_number_leg_1")!.Value.Status);
        Assert.Equal(CheckStatus.Passed, result.GetCheck("date_of_flight_leg_1")!.Value.Status);
    }

    [Theory]
    [InlineData("326J", "367J", "date_of_flight_leg_1", 44)]
    [InlineData("326J", "000J", "date_of_flight_leg_1", 44)]
    [InlineData("YULFRA", "Y1LFRA", "from_airport_leg_1", 30)]
    [InlineData("AC 0834 ", "AC 08X4 ", "flight_number_leg_1", 39)]
    public void Parse_BadItemFormat_LenientWarnsStrictErrs(string find, string replace, string check, int offset)
    {
        var payload = BcbpVectors.MandatoryOnly.Replace(find, replace, StringComparison.Ordinal);

        var lenient = BcbpParser.Parse(payload);
        var strict = BcbpParser.Parse(payload, ParseMode.Strict);

        Assert.True(lenient.Valid);
        Assert.Contains(lenient.Warnings, w => w.Code == "bad_item_format" && w.Offset == offset);
        Assert.Equal(CheckStatus.Failed, lenient.GetCheck(check)!.Value.Status);
        Assert.Contains(strict.Errors, e => e.Code == "bad_item_format" && e.Offset == offset);
    }

    [Fact]
    public void Parse_BlankDateOfIssue_IsNotApplicable()
    {
        var result = BcbpParser.Parse(BcbpVectors.UnitedV3);

        Assert.Equal(CheckStatus.Passed, result.GetCheck("date_of_issue")!.Value.Status);
        var blank = BcbpParser.Parse(BcbpVectors.MandatoryOnly[..58] + "0B>5080WW    B");

        Assert.Equal(CheckStatus.NotApplicable, blank.GetCheck("date_of_issue")!.Value.Status);
    }
}
