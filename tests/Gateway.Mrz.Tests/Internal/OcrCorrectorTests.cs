namespace Gateway.Mrz.Tests.Internal;

/// <summary>Check-digit-guided OCR correction, through the parser.</summary>
public sealed class OcrCorrectorTests
{
    [Fact]
    public void Parse_LetterOInBirthDate_CorrectsAndReportsPosition()
    {
        var misread = Specimens.With(Specimens.Td3, 2, 16, 'O');

        var result = MrzParser.Parse(misread, Specimens.Options);

        Assert.True(result.Valid);
        Assert.Equal(new MrzCorrection(2, 16, 'O', '0'), Assert.Single(result.Corrections));
        Assert.True(result.Tolerances.HasFlag(MrzTolerances.OcrCorrection));
        Assert.Equal('O', result.Lines[1][15]);
        Assert.Equal(Specimens.Td3Line2, result.CorrectedLines[1]);
        Assert.Equal("74O812", result.GetField(MrzFieldName.DateOfBirth)!.Raw);
        Assert.Equal("1974-08-12", result.GetField(MrzFieldName.DateOfBirth)!.Value);
        Assert.Contains(result.Warnings, w => w.Code == MrzIssueCode.OcrCorrection && w.Line == 2 && w.Column == 16);
    }

    [Fact]
    public void Parse_SeveralNumericMisreadsInDifferentFields_CorrectsEach()
    {
        var misread = Specimens.With(Specimens.With(Specimens.With(Specimens.Td3, 2, 17, 'B'), 2, 22, 'I'), 2, 26, 'I');

        var result = MrzParser.Parse(misread, Specimens.Options);

        Assert.True(result.Valid);
        Assert.Equal(
            [new MrzCorrection(2, 17, 'B', '8'), new MrzCorrection(2, 22, 'I', '1'), new MrzCorrection(2, 26, 'I', '1')],
            result.Corrections);
        Assert.Equal(Specimens.Td3Line2, result.CorrectedLines[1]);
    }

    [Fact]
    public void Parse_CheckDigitReadAsLetter_IsCorrected()
    {
        var result = MrzParser.Parse(Specimens.With(Specimens.Td3, 2, 10, 'G'), Specimens.Options);

        Assert.True(result.Valid);
        Assert.Equal(new MrzCorrection(2, 10, 'G', '6'), Assert.Single(result.Corrections));
    }

    [Fact]
    public void Parse_FillerMisreadInsidePersonalNumberRun_IsCorrected()
    {
        var result = MrzParser.Parse(Specimens.With(Specimens.Td3, 2, 40, 'C'), Specimens.Options);

        Assert.True(result.Valid);
        Assert.Equal(new MrzCorrection(2, 40, 'C', '<'), Assert.Single(result.Corrections));
        Assert.Equal("ZE184226B", result.GetField(MrzFieldName.PersonalNumber)!.Value);
    }

    [Fact]
    public void Parse_DigitInFrenchSurname_IsCorrectedBecauseTheCompositeCoversNames()
    {
        var result = MrzParser.Parse(Specimens.With(Specimens.French, 1, 11, '1'), Specimens.Options);

        Assert.True(result.Valid);
        Assert.Equal(new MrzCorrection(1, 11, '1', 'I'), Assert.Single(result.Corrections));
        Assert.Equal("BERTHIER", result.Surname);
        Assert.Equal("BERTH1ER", result.GetField(MrzFieldName.Surname)!.Raw.TrimEnd('<'));
    }

    [Fact]
    public void Parse_DigitInNationalityCode_IsCorrectedOnlyToAKnownCode()
    {
        var corrected = MrzParser.Parse(Specimens.With(Specimens.Td3, 2, 13, '0'), Specimens.Options);
        var notKnown = MrzParser.Parse(Specimens.With(Specimens.Td3, 2, 13, '8'), Specimens.Options);

        Assert.True(corrected.Valid);
        Assert.Equal(new MrzCorrection(2, 13, '0', 'O'), Assert.Single(corrected.Corrections));
        Assert.True(corrected.Tolerances.HasFlag(MrzTolerances.CountryCodeCorrection));
        Assert.Equal(("UT0", "UTO"), (corrected.GetField(MrzFieldName.Nationality)!.Raw, corrected.NationalityCode));
        Assert.False(notKnown.Valid);
        Assert.Empty(notKnown.Corrections);
        Assert.Contains(notKnown.Errors, e => e.Code == MrzIssueCode.InvalidFieldCharacter && e.Column == 13);
    }

    [Fact]
    public void Parse_SubstitutionThatDoesNotSatisfyTheCheck_IsNotApplied()
    {
        // '2' (birth day) read as 'S': S→5 does not restore the check digit, so nothing may be changed.
        var result = MrzParser.Parse(Specimens.With(Specimens.Td3, 2, 19, 'S'), Specimens.Options);

        Assert.False(result.Valid);
        Assert.Empty(result.Corrections);
        Assert.Contains(result.Errors, e => e.Code == MrzIssueCode.CheckDigitMismatch && e.Column == 20);
        Assert.Contains(result.Errors, e => e.Code == MrzIssueCode.InvalidDate);
    }

    [Fact]
    public void Parse_CorrectionDisabled_ReportsTheFailureInstead()
    {
        var result = MrzParser.Parse(Specimens.With(Specimens.Td3, 2, 16, 'O'), Specimens.Options with { EnableCorrection = false });

        Assert.False(result.Valid);
        Assert.Empty(result.Corrections);
        Assert.Equal(result.Lines, result.CorrectedLines);
        Assert.Contains(result.Checks, c => c.Name == MrzCheckName.DateOfBirth && !c.Passed);
    }
}
