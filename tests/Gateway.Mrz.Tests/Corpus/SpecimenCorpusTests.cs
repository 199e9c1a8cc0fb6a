namespace Gateway.Mrz.Tests.Corpus;

public sealed class SpecimenCorpusTests
{
    private static readonly MrzParseOptions Options = new() { ReferenceDate = SpecimenCorpus.ReferenceDate, EnableCorrection = false };

    [Theory]
    [MemberData(nameof(SpecimenCorpus.Positives), MemberType = typeof(SpecimenCorpus))]
    public void Parse_PositiveSpecimen_IsValidWithExpectedFields(string id)
    {
        var specimen = SpecimenCorpus.Get(id);
        var result = MrzParser.Parse(SpecimenCorpus.Text(id), Options);

        Assert.True(result.Valid, $"{id} ({specimen.Source}): {string.Join("; ", result.Errors.Select(e => e.Message))}");
        Assert.All(result.Checks, c => Assert.True(c.Passed, c.ToString()));
        AssertExpectations(specimen, result);
    }

    [Theory]
    [MemberData(nameof(SpecimenCorpus.Negatives), MemberType = typeof(SpecimenCorpus))]
    public void Parse_NegativeSpecimen_ReportsExactlyTheFailingChecks(string id)
    {
        var specimen = SpecimenCorpus.Get(id);
        var result = MrzParser.Parse(SpecimenCorpus.Text(id), Options);

        Assert.False(result.Valid, id);
        Assert.True(result.IsStructurallySound);
        var failed = result.Checks.Where(c => !c.Passed).Select(c => c.Name.ToString()).Order().ToArray();
        Assert.Equal(specimen.FailedChecks!.Order().ToArray(), failed);
        AssertExpectations(specimen, result);
    }

    [Theory]
    [MemberData(nameof(SpecimenCorpus.Negatives), MemberType = typeof(SpecimenCorpus))]
    public void Parse_NegativeSpecimenWithCorrection_StaysInvalidAndChangesNothingUnreported(string id)
    {
        var result = MrzParser.Parse(SpecimenCorpus.Text(id), Options with { EnableCorrection = true });

        Assert.False(result.Valid, id);
        Assert.Equal(SpecimenCorpus.Get(id).Lines, result.Lines);
    }

    [Theory]
    [MemberData(nameof(SpecimenCorpus.Positives), MemberType = typeof(SpecimenCorpus))]
    public void Parse_PositiveSpecimenLines_MatchesTextParse(string id)
    {
        var fromText = MrzParser.Parse(SpecimenCorpus.Text(id), Options);
        var fromLines = MrzParser.Parse(SpecimenCorpus.Get(id).Lines, Options);

        Assert.Equal(fromText.Fields, fromLines.Fields);
        Assert.Equal(fromText.Checks, fromLines.Checks);
    }

    private static void AssertExpectations(SpecimenCorpus.Specimen s, MrzResult r)
    {
        Assert.Equal(Enum.Parse<MrzFormat>(s.Format), r.Format);
        Assert.Equal(s.Lines, r.Lines);
        Expect(s.DocumentNumber, r.DocumentNumber);
        Expect(s.DocumentCode, r.DocumentCode);
        Expect(s.DateOfBirth, r.GetField(MrzFieldName.DateOfBirth)?.Value);
        Expect(s.DateOfExpiry, r.GetField(MrzFieldName.DateOfExpiry)?.Value);
        Expect(s.Surname, r.Surname);
        Expect(s.GivenNames, r.GivenNames);
        Expect(s.Sex, r.Sex.ToString());
        Expect(s.PersonalNumber, r.GetField(MrzFieldName.PersonalNumber)?.Value);
        Expect(s.OptionalData1, r.GetField(MrzFieldName.OptionalData1)?.Value);
        Expect(s.AdministrativeCode, r.GetField(MrzFieldName.AdministrativeCode)?.Value);
        Expect(s.IssuingState, r.IssuingState);
        Expect(s.IssuingStateCode, r.IssuingStateCode);
        Expect(s.Nationality, r.Nationality);
        Expect(s.NationalityCode, r.NationalityCode);
        Expect(s.DateStatus, r.DateOfBirth.Status.ToString());
        if (s.NameTruncated is { } truncated)
        {
            Assert.Equal(truncated, r.IsNamePossiblyTruncated);
        }

        foreach (var tolerance in s.Tolerances ?? [])
        {
            Assert.True(r.Tolerances.HasFlag(Enum.Parse<MrzTolerances>(tolerance)), $"{s.Id}: expected tolerance {tolerance}, got {r.Tolerances}");
        }

        foreach (var tolerance in s.AbsentTolerances ?? [])
        {
            Assert.False(r.Tolerances.HasFlag(Enum.Parse<MrzTolerances>(tolerance)), $"{s.Id}: unexpected tolerance {tolerance}");
        }

        foreach (var issue in s.Issues ?? [])
        {
            Assert.Contains(r.Issues, i => i.Code.ToString() == issue);
        }
    }

    private static void Expect(string? expected, string? actual)
    {
        if (expected is not null)
        {
            Assert.Equal(expected, actual);
        }
    }
}
