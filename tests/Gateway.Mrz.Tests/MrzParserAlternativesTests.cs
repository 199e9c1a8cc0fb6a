namespace Gateway.Mrz.Tests;

/// <summary>Parsing an OCR's per-position alternatives: the check digits choose among them.</summary>
public sealed class MrzParserAlternativesTests
{
    [Fact]
    public void ParseAlternatives_CleanRead_IsValidWithoutCorrections()
    {
        var result = MrzParser.ParseAlternatives(Reading(Specimens.Td3), Specimens.Options);

        Assert.True(result.Valid);
        Assert.Empty(result.Corrections);
        Assert.Equal(Specimens.Td3Line2, result.Lines[1]);
    }

    [Fact]
    public void ParseAlternatives_DigitMisreadWithTheRightSecondChoice_TakesTheSecondChoice()
    {
        // The birth date's 7 read as 1, with 7 as the OCR's second choice.
        var reading = Reading(Specimens.Td3, (2, 14, [('1', 0.6f), ('7', 0.4f)]));

        var result = MrzParser.ParseAlternatives(reading, Specimens.Options);

        Assert.True(result.Valid);
        Assert.Equal(new MrzCorrection(2, 14, '1', '7'), Assert.Single(result.Corrections));
        Assert.Equal('1', result.Lines[1][13]);
        Assert.Equal(Specimens.Td3Line2, result.CorrectedLines[1]);
        Assert.Contains(result.Warnings, w => w.Code == MrzIssueCode.OcrCorrection && w.Line == 2 && w.Column == 14);
    }

    [Fact]
    public void ParseAlternatives_SeveralMisreadsInDifferentChecks_CorrectsAll()
    {
        var reading = Reading(
            Specimens.Td3,
            (2, 1, [('I', 0.5f), ('L', 0.45f)]),
            (2, 16, [('6', 0.7f), ('0', 0.2f), ('8', 0.1f)]),
            (2, 24, [('0', 0.5f), ('2', 0.3f), ('8', 0.2f)]), // read right, with wrong alternatives

            (2, 33, [('1', 0.9f), ('4', 0.1f)]));

        var result = MrzParser.ParseAlternatives(reading, Specimens.Options);

        Assert.True(result.Valid);
        Assert.Equal(Specimens.Td3Line2, result.CorrectedLines[1]);
        Assert.Equal(3, result.Corrections.Count);
    }

    [Fact]
    public void ParseAlternatives_NoCombinationPasses_StaysInvalidAndAsRead()
    {
        // The birth date's 7 read as 1 with no plausible alternative: nothing may be made up.
        var reading = Reading(Specimens.Td3, (2, 14, [('1', 0.99f), ('I', 0.01f)]));

        var result = MrzParser.ParseAlternatives(reading, Specimens.Options);

        Assert.False(result.Valid);
        Assert.Empty(result.Corrections);
        Assert.Contains(result.Errors, e => e.Code == MrzIssueCode.CheckDigitMismatch);
    }

    [Fact]
    public void ParseAlternatives_AlternativeOfTheWrongClass_IsNotTried()
    {
        // A letter is never tried in a date, even when it would be the OCR's second choice.
        var reading = Reading(Specimens.Td3, (2, 14, [('1', 0.5f), ('T', 0.5f)]));

        var result = MrzParser.ParseAlternatives(reading, Specimens.Options);

        Assert.False(result.Valid);
        Assert.DoesNotContain(result.Corrections, c => c.To == 'T');
    }

    [Fact]
    public void ParseAlternatives_PositionCoveredByNoCheck_KeepsTheFirstChoice()
    {
        // A name filler read as K, with the filler second: no check digit covers names, so it stays K.
        var reading = Reading(Specimens.Td3, (1, 30, [('K', 0.6f), ('<', 0.4f)]));

        var result = MrzParser.ParseAlternatives(reading, Specimens.Options);

        Assert.True(result.Valid);
        Assert.Empty(result.Corrections);
        Assert.Equal('K', result.CorrectedLines[0][29]);
    }

    [Fact]
    public void ParseAlternatives_DigitInANameWithALetterSecond_TakesTheLetter()
    {
        // "ERIKSSON": the O read as 0 with O second. Names hold letters only, so the letter is taken (no check digit says so).
        var reading = Reading(Specimens.Td3, (1, 12, [('0', 0.6f), ('O', 0.4f)]));

        var result = MrzParser.ParseAlternatives(reading, Specimens.Options);

        Assert.True(result.Valid);
        Assert.Equal(new MrzCorrection(1, 12, '0', 'O'), Assert.Single(result.Corrections));
        Assert.Equal(Specimens.Td3.Split('\n')[0], result.CorrectedLines[0]);
    }

    [Fact]
    public void ParseAlternatives_TwoDoubtfulPositionsInOneCheck_AreNotCorrected()
    {
        // The birth date's 7 misread as 1, and another of its digits in doubt as well: a single check digit cannot tell
        // which one is wrong, so the read stays invalid rather than taking whichever change happens to pass.
        var reading = Reading(
            Specimens.Td3,
            (2, 14, [('1', 0.55f), ('7', 0.45f)]),
            (2, 16, [('0', 0.5f), ('8', 0.5f)]));

        var result = MrzParser.ParseAlternatives(reading, Specimens.Options);

        Assert.False(result.Valid);
        Assert.DoesNotContain(result.Corrections, c => c.Line == 2 && c.Column is 14 or 16);
    }

    [Fact]
    public void ParseAlternatives_CompositeOnlyPosition_IsChosenByTheComposite()
    {
        // TD1 optional data 2 is covered only by the composite check digit.
        var misread = Specimens.With(Specimens.Td1, 1, 16, '<');
        var reading = Reading(misread, (1, 16, [('<', 0.6f), ('0', 0.3f), ('1', 0.1f)]));
        var fixedTd1 = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";

        var result = MrzParser.ParseAlternatives(reading, Specimens.Options);

        // The specimen already reads '<' there, so the first choice passes and nothing changes.
        Assert.True(result.Valid);
        Assert.Equal(fixedTd1.Split('\n'), result.CorrectedLines);
    }

    [Fact]
    public void ParseAlternatives_CompositeFailsUntilAnOptionalDataAlternative_TakesIt()
    {
        // Optional data 2 of TD1 holds "1" (composite recomputed for it), read as '<' with '1' second.
        var generated = MrzGenerator.Generate(new MrzData
        {
            Format = MrzFormat.Td1,
            DocumentCode = "I",
            IssuingState = "UTO",
            Surname = "ERIKSSON",
            GivenNames = "ANNA",
            DocumentNumber = "D23145890",
            Nationality = "UTO",
            DateOfBirth = new DateOnly(1974, 8, 12),
            Sex = MrzSex.Female,
            DateOfExpiry = new DateOnly(2032, 4, 15),
            OptionalData2 = "1",
        });
        var misread = Specimens.With(generated, 2, 19, '<');
        var reading = Reading(misread, (2, 19, [('<', 0.7f), ('1', 0.3f)]));

        var result = MrzParser.ParseAlternatives(reading, Specimens.Options);

        Assert.True(result.Valid);
        Assert.Equal(new MrzCorrection(2, 19, '<', '1'), Assert.Single(result.Corrections));
        Assert.Equal(generated.Split('\n'), result.CorrectedLines);
    }

    [Fact]
    public void ParseAlternatives_WithCorrectionOff_ParsesTheFirstChoices()
    {
        var reading = Reading(Specimens.Td3, (2, 14, [('1', 0.6f), ('7', 0.4f)]));

        var result = MrzParser.ParseAlternatives(reading, Specimens.Options with { EnableCorrection = false });

        Assert.False(result.Valid);
        Assert.Empty(result.Corrections);
    }

    [Fact]
    public void ParseAlternatives_PositionWithoutReading_Throws()
    {
        MrzAlternative[][] line = [[new('P', 1)], []];

        Assert.Throws<ArgumentException>(() => MrzParser.ParseAlternatives([line]));
    }

    [Fact]
    public void ParseAlternatives_ManyAmbiguousPositions_StaysBounded()
    {
        // Every covered position of line 2 offers three digits: the bounded search still ends with a result.
        var text = Specimens.With(Specimens.Td3, 2, 14, '1');
        var lines = text.Split('\n');
        var reading = lines.Select((l, i) => (IReadOnlyList<MrzAlternative[]>)l.Select(c => i == 1 && char.IsAsciiDigit(c)
            ? new MrzAlternative[] { new(c, 0.34f), new('3', 0.33f), new('5', 0.33f) }
            : [new MrzAlternative(c, 1)]).ToArray()).ToArray();

        var result = MrzParser.ParseAlternatives(reading, Specimens.Options);

        Assert.True(result.IsStructurallySound);
    }

    /// <summary>Every position read with certainty, except the given 1-based positions.</summary>
    private static IReadOnlyList<IReadOnlyList<MrzAlternative[]>> Reading(string text, params (int Line, int Column, (char, float)[] Alternatives)[] overrides)
    {
        var lines = text.Split('\n');
        return lines.Select((line, l) => (IReadOnlyList<MrzAlternative[]>)line.Select((c, col) =>
        {
            var match = overrides.Where(o => o.Line == l + 1 && o.Column == col + 1).ToArray();
            return match.Length == 0
                ? [new MrzAlternative(c, 1)]
                : match[0].Alternatives.Select(a => new MrzAlternative(a.Item1, a.Item2)).ToArray();
        }).ToArray()).ToArray();
    }
}
