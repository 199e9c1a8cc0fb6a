using Gateway.Mrz.Internal;

namespace Gateway.Mrz.Tests;

/// <summary>Field reading and the named tolerances.</summary>
public sealed class MrzParserFieldTests
{
    [Fact]
    public void Parse_Td1WithLongDocumentNumber_ReportsOverflowPolicy()
    {
        var result = MrzParser.Parse(Specimens.Td1Long, Specimens.Options);

        Assert.True(result.Valid);
        Assert.Equal("D23145890734", result.DocumentNumber);
        Assert.Equal("D23145890", result.GetField(MrzFieldName.DocumentNumber)!.Raw);
        Assert.True(result.Tolerances.HasFlag(MrzTolerances.LongDocumentNumber));
        Assert.False(result.Tolerances.HasFlag(MrzTolerances.LongDocumentNumberFillerIncluded));
        var check = result.GetCheck(MrzCheckName.DocumentNumber)!.Value;
        Assert.Equal((1, 19, '9', '9'), (check.Line, check.Column, check.Expected, check.Found));
    }

    [Fact]
    public void Parse_Td1LongNumberCheckedWithFiller_ReportsFillerIncludedVariant()
    {
        var result = MrzParser.Parse(Specimens.Td1LongFillerIncluded, Specimens.Options);

        Assert.True(result.Valid);
        Assert.Equal("000590240601", result.DocumentNumber);
        Assert.True(result.Tolerances.HasFlag(MrzTolerances.LongDocumentNumber | MrzTolerances.LongDocumentNumberFillerIncluded));
    }

    [Fact]
    public void Parse_EmptyPersonalNumberWithFillerCheckDigit_ReportsTolerance()
    {
        var result = MrzParser.Parse(Specimens.GermanPassport, Specimens.Options);

        Assert.True(result.Valid);
        Assert.True(result.Tolerances.HasFlag(MrzTolerances.EmptyPersonalNumberFillerCheckDigit));
        var check = result.GetCheck(MrzCheckName.PersonalNumber)!.Value;
        Assert.Equal(('0', '<', true), (check.Expected, check.Found, check.Passed));
    }

    [Fact]
    public void Parse_GermanCodes_NormalisedSeparatelyWhilePrintedValueKept()
    {
        var result = MrzParser.Parse(Specimens.GermanPassport, Specimens.Options);

        Assert.Equal("D<<", result.GetField(MrzFieldName.IssuingState)!.Raw);
        Assert.Equal("D", result.IssuingState);
        Assert.Equal("DEU", result.IssuingStateCode);
        Assert.Equal("DEU", result.NationalityCode);
        Assert.True(result.Tolerances.HasFlag(MrzTolerances.GermanCountryCode));
        Assert.DoesNotContain(result.Issues, i => i.Code == MrzIssueCode.UnknownCountryCode);
    }

    [Fact]
    public void Parse_UnknownCountryCode_WarnsButStaysValid()
    {
        var mrz = MrzGenerator.Generate(TestData.Td3() with { Nationality = "ZIM" });

        var result = MrzParser.Parse(mrz, Specimens.Options);

        Assert.True(result.Valid);
        var warning = Assert.Single(result.Warnings, w => w.Code == MrzIssueCode.UnknownCountryCode);
        Assert.Equal((2, 11), (warning.Line, warning.Column));
    }

    [Fact]
    public void Parse_ImpossibleMonthWithMatchingCheckDigit_ReportsInvalidDateAndReadsTheRest()
    {
        var result = MrzParser.Parse(WithBirthDate("741312"), Specimens.Options);

        Assert.False(result.Valid);
        Assert.All(result.Checks, c => Assert.True(c.Passed));
        Assert.Equal(MrzDateStatus.Invalid, result.DateOfBirth.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal((MrzIssueCode.InvalidDate, 2, 14), (error.Code, error.Line, error.Column));
        Assert.Equal("ERIKSSON", result.Surname);
        Assert.Equal(new DateOnly(2012, 4, 15), result.DateOfExpiry.Value);
    }

    [Fact]
    public void Parse_Day32_ReportsInvalidDate()
    {
        var result = MrzParser.Parse(WithBirthDate("740132"), Specimens.Options);

        Assert.Equal(MrzDateStatus.Invalid, result.DateOfBirth.Status);
        Assert.Equal(1, result.DateOfBirth.Month);
        Assert.Null(result.DateOfBirth.Day);
    }

    [Fact]
    public void Parse_UnknownDayAndMonth_ReportsPartialDateAsWarning()
    {
        var result = MrzParser.Parse(WithBirthDate("74<<<<"), Specimens.Options);

        Assert.True(result.Valid);
        Assert.Equal(new MrzDate(MrzDateStatus.Partial, 1974, null, null, MrzCenturyRule.MostRecentPast), result.DateOfBirth);
        Assert.Contains(result.Warnings, w => w.Code == MrzIssueCode.PartialDate);
        Assert.Null(result.Age);
    }

    [Fact]
    public void Parse_OneBadCheckDigit_ReportsOnlyThatCheckAndTheCompositeAndReadsAllFields()
    {
        var result = MrzParser.Parse(Specimens.With(Specimens.Td3, 2, 20, '3'), Specimens.Options with { EnableCorrection = false });

        Assert.False(result.Valid);
        Assert.Equal([MrzCheckName.DateOfBirth, MrzCheckName.Composite], result.Checks.Where(c => !c.Passed).Select(c => c.Name));
        var error = result.Errors.First();
        Assert.Equal((MrzIssueCode.CheckDigitMismatch, 2, 20), (error.Code, error.Line, error.Column));
        Assert.Equal(new DateOnly(1974, 8, 12), result.DateOfBirth.Value);
        Assert.Equal("L898902C3", result.DocumentNumber);
    }

    [Fact]
    public void Parse_NameFillingTheField_IsFlaggedAsPossiblyTruncated()
    {
        var result = MrzParser.Parse(SpecimenText("PRT-BO-04001"), Specimens.Options);

        Assert.True(result.IsNamePossiblyTruncated);
        Assert.True(result.Tolerances.HasFlag(MrzTolerances.TruncatedName));
        var warning = Assert.Single(result.Warnings, w => w.Code == MrzIssueCode.PossiblyTruncatedName);
        Assert.Equal((3, 30), (warning.Line, warning.Column));
    }

    [Fact]
    public void Parse_Names_SplitAtFirstDoubleFillerWithSpacesBetweenParts()
    {
        var result = MrzParser.Parse(Specimens.Td3, Specimens.Options);

        var surname = result.GetField(MrzFieldName.Surname)!;
        var given = result.GetField(MrzFieldName.GivenNames)!;
        Assert.Equal(("ERIKSSON", 1, 6, 8), (surname.Value, surname.Line, surname.Column, surname.Length));
        Assert.Equal(("ANNA MARIA", 16), (given.Value, given.Column));
    }

    [Fact]
    public void Parse_FranceTd2StartingWithIdfra_IsReadAsTd2WhenOnlyItsCheckDigitsHold()
    {
        var mrz = MrzGenerator.Generate(TestData.Td3() with { Format = MrzFormat.Td2, DocumentCode = "ID", IssuingState = "FRA" });

        var result = MrzParser.Parse(mrz, Specimens.Options);

        Assert.Equal(MrzFormat.Td2, result.Format);
        Assert.True(result.Valid);
    }

    private static string SpecimenText(string id) => Corpus.SpecimenCorpus.Text(id);

    /// <summary>ICAO TD3 with another birth date and every check digit recomputed (synthetic).</summary>
    private static string WithBirthDate(string yymmdd)
    {
        var line2 = string.Concat(Specimens.Td3Line2.AsSpan(0, 13), yymmdd, CheckDigit.Compute(yymmdd).ToString(), Specimens.Td3Line2.AsSpan(20, 23));
        var composite = CheckDigit.Compute(line2[..10] + line2[13..20] + line2[21..43]);
        return $"{Specimens.Td3Line1}\n{line2}{composite}";
    }
}
