using System.Text.Json;

namespace Gateway.Mrz.Tests.Corpus;

/// <summary>Loads Corpus/specimens.json: specimen MRZs with their sources and what a parse must find.</summary>
public static class SpecimenCorpus
{
    private static readonly Lazy<CorpusFile> File = new(() =>
        JsonSerializer.Deserialize<CorpusFile>(
            System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", "specimens.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!);

    public static DateOnly ReferenceDate => DateOnly.Parse(File.Value.ReferenceDate, System.Globalization.CultureInfo.InvariantCulture);

    public static IEnumerable<object[]> Positives => File.Value.Positives.Select(e => new object[] { e.Id });

    public static IEnumerable<object[]> Negatives => File.Value.Negatives.Select(e => new object[] { e.Id });

    public static IReadOnlyList<Specimen> All => [.. File.Value.Positives, .. File.Value.Negatives];

    public static Specimen Get(string id) => All.Single(e => e.Id == id);

    public static string Text(string id) => string.Join('\n', Get(id).Lines);

    public sealed record CorpusFile(string ReferenceDate, Specimen[] Positives, Specimen[] Negatives);

    public sealed record Specimen(
        string Id,
        string Format,
        string Source,
        string[] Lines,
        bool Valid,
        string? DocumentNumber = null,
        string? DocumentCode = null,
        string? DateOfBirth = null,
        string? DateOfExpiry = null,
        string? Surname = null,
        string? GivenNames = null,
        string? Sex = null,
        string? PersonalNumber = null,
        string? OptionalData1 = null,
        string? AdministrativeCode = null,
        string? IssuingState = null,
        string? IssuingStateCode = null,
        string? Nationality = null,
        string? NationalityCode = null,
        string? DateStatus = null,
        bool? NameTruncated = null,
        string[]? Tolerances = null,
        string[]? AbsentTolerances = null,
        string[]? FailedChecks = null,
        string[]? Issues = null);
}
