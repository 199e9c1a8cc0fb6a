namespace Gateway.Mrz.Tests;

/// <summary>How <see cref="MrzParser"/> reads text: line endings, whitespace, case, bad characters, geometry.</summary>
public sealed class MrzParserInputTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Parse_AnyLineEnding_IsValidWithoutIssues(string newline)
    {
        var result = MrzParser.Parse(Specimens.Td3.Replace("\n", newline, StringComparison.Ordinal) + newline, Specimens.Options);

        Assert.True(result.Valid);
        Assert.Empty(result.Issues);
        Assert.Equal([Specimens.Td3Line1, Specimens.Td3Line2], result.Lines);
    }

    [Fact]
    public void Parse_SurroundingWhitespaceTabsAndBlankLines_ReportsWhitespaceAndStaysValid()
    {
        var result = MrzParser.Parse($"\n  \t{Specimens.Td3Line1}\t \r\n\r\n{Specimens.Td3Line2}   \n\n", Specimens.Options);

        Assert.True(result.Valid);
        Assert.True(result.Tolerances.HasFlag(MrzTolerances.WhitespaceIgnored));
        var issue = Assert.Single(result.Issues);
        Assert.Equal(MrzIssueCode.SurroundingWhitespace, issue.Code);
        Assert.Equal(MrzSeverity.Warning, issue.Severity);
    }

    [Fact]
    public void Parse_TrailingSpacesOnSecondLine_ReportsWhereTheyStart()
    {
        var result = MrzParser.Parse($"{Specimens.Td3Line1}\n{Specimens.Td3Line2}  ", Specimens.Options);

        var issue = Assert.Single(result.Issues);
        Assert.Equal((MrzIssueCode.SurroundingWhitespace, 2, 45), (issue.Code, issue.Line, issue.Column));
        Assert.True(result.Valid);
    }

    [Fact]
    public void Parse_Lowercase_FoldsReportsFirstPositionAndStaysValid()
    {
        var result = MrzParser.Parse(Specimens.Td3.Replace("ERIKSSON", "Eriksson", StringComparison.Ordinal), Specimens.Options);

        Assert.True(result.Valid);
        Assert.Equal("ERIKSSON", result.Surname);
        var issue = Assert.Single(result.Issues);
        Assert.Equal((MrzIssueCode.LowercaseCharacters, 1, 7), (issue.Code, issue.Line, issue.Column));
        Assert.True(result.Tolerances.HasFlag(MrzTolerances.LowercaseFolded));
        Assert.Contains("Eriksson", result.RawText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\r\n  ")]
    public void Parse_EmptyInput_ReportsEmptyInput(string text)
    {
        var result = MrzParser.Parse(text);

        Assert.False(result.Valid);
        Assert.False(result.IsStructurallySound);
        Assert.Equal(MrzFormat.Unknown, result.Format);
        Assert.Contains(result.Errors, e => e.Code == MrzIssueCode.EmptyInput);
        Assert.Empty(result.Fields);
        Assert.Empty(result.Checks);
        Assert.Empty(result.Lines);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Parse_WrongLineCount_ReportsCount(int lines)
    {
        var text = string.Join('\n', Enumerable.Repeat(Specimens.Td3Line2, lines));

        var result = MrzParser.Parse(text);

        var error = Assert.Single(result.Errors);
        Assert.Equal(MrzIssueCode.WrongLineCount, error.Code);
        Assert.Contains(lines.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LineOneCharacterShort_ReportsWrongLengthOnThatLine()
    {
        var result = MrzParser.Parse($"{Specimens.Td3Line1}\n{Specimens.Td3Line2[..43]}");

        var error = Assert.Single(result.Errors);
        Assert.Equal((MrzIssueCode.WrongLineLength, 2), (error.Code, error.Line));
        Assert.Equal(MrzFormat.Unknown, result.Format);
    }

    [Fact]
    public void Parse_CharacterOutsideMrzSet_ReportsLineAndColumnAndIsInvalid()
    {
        var result = MrzParser.Parse(Specimens.With(Specimens.Td3, 2, 40, '#'), Specimens.Options);

        Assert.False(result.Valid);
        Assert.True(result.IsStructurallySound);
        var error = Assert.Single(result.Errors, e => e.Code == MrzIssueCode.InvalidCharacter);
        Assert.Equal((2, 40), (error.Line, error.Column));
        Assert.Equal("1974-08-12", result.GetField(MrzFieldName.DateOfBirth)!.Value);
    }

    [Fact]
    public void Parse_PassportCutTo36Characters_ReportsFormatMismatch()
    {
        var result = MrzParser.Parse($"{Specimens.Td3Line1[..36]}\n{Specimens.Td3Line2[..36]}", Specimens.Options);

        Assert.Equal(MrzFormat.Td2, result.Format);
        Assert.False(result.Valid);
        Assert.Contains(result.Errors, e => e.Code == MrzIssueCode.FormatMismatch && e.Message.Contains("passport", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_IdCardCodeIn44CharacterLines_ReportsFormatMismatch()
    {
        var result = MrzParser.Parse("I" + Specimens.Td3[1..], Specimens.Options);

        Assert.Equal(MrzFormat.Td3, result.Format);
        Assert.Contains(result.Errors, e => e.Code == MrzIssueCode.FormatMismatch);
    }

    [Fact]
    public void Parse_LinesList_AcceptsTrailingSpacesPerLine()
    {
        var result = MrzParser.Parse([Specimens.Td3Line1 + " ", Specimens.Td3Line2], Specimens.Options);

        Assert.True(result.Valid);
        Assert.Equal(MrzIssueCode.SurroundingWhitespace, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void Parse_Null_ThrowsBecauseItIsMisuse()
    {
        Assert.Throws<ArgumentNullException>(() => MrzParser.Parse((string)null!));
        Assert.Throws<ArgumentNullException>(() => MrzParser.Parse((IReadOnlyList<string>)null!));
    }

    [Fact]
    public void Parse_OptionOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MrzParser.Parse(Specimens.Td3, new MrzParseOptions { ExpiryWindowYears = 0 }));
    }
}
