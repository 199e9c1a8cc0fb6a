using Gateway.Contracts.V1;

namespace Gateway.Host.Sessions;

/// <summary>
/// Compares the facts that arrive from more than one source: two MRZ reads (a swipe and a page image), and the MRZ
/// against the fields of barcodes that carry the same person (AAMVA licences, visible digital seals, boarding passes), and
/// against the chip's DG1 (the same MRZ as the issuing state signed it: every field must agree exactly).
/// </summary>
internal static class Comparisons
{
    public static IEnumerable<FieldComparison> Compare(IReadOnlyList<Capture> documents, IReadOnlyList<Capture> barcodes, ChipCapture? chip = null)
    {
        var document = documents.LastOrDefault()?.Document;
        if (document?.Fields is not { } mrz || string.IsNullOrEmpty(mrz.Surname) && string.IsNullOrEmpty(mrz.DocumentNumber))
        {
            yield break;
        }

        var truncated = document.Mrz?.Facts?.NamePossiblyTruncated ?? false;
        foreach (var other in documents.Take(documents.Count - 1).Select(d => d.Document.Fields).OfType<MrzFields>())
        {
            yield return Name("surname", "document.mrz", mrz.Surname, "document.mrz.earlier", other.Surname, truncated, truncated);
            yield return Name("given_names", "document.mrz", mrz.GivenNames, "document.mrz.earlier", other.GivenNames, truncated, truncated);
            yield return Exact("document_number", "document.mrz", mrz.DocumentNumber, "document.mrz.earlier", other.DocumentNumber);
            yield return Exact("birth_date", "document.mrz", mrz.BirthDate, "document.mrz.earlier", other.BirthDate);
            yield return Exact("expiry_date", "document.mrz", mrz.ExpiryDate, "document.mrz.earlier", other.ExpiryDate);
        }

        if (chip?.Mrz?.Summary is { } dg1)
        {
            // DG1 is the MRZ itself, signed: no truncation or transliteration excuses a difference.
            yield return Exact("document_code", "document.mrz", mrz.DocumentCode, "chip.dg1", dg1.DocumentCode);
            yield return Exact("issuing_state", "document.mrz", mrz.IssuingStateCode, "chip.dg1", dg1.IssuingStateCode);
            yield return Exact("surname", "document.mrz", mrz.Surname, "chip.dg1", dg1.Surname);
            yield return Exact("given_names", "document.mrz", mrz.GivenNames, "chip.dg1", dg1.GivenNames);
            yield return Exact("document_number", "document.mrz", mrz.DocumentNumber, "chip.dg1", dg1.DocumentNumber);
            yield return Exact("nationality", "document.mrz", mrz.NationalityCode, "chip.dg1", dg1.NationalityCode);
            yield return Exact("birth_date", "document.mrz", mrz.BirthDate, "chip.dg1", dg1.BirthDate);
            yield return Exact("sex", "document.mrz", mrz.Sex, "chip.dg1", dg1.Sex);
            yield return Exact("expiry_date", "document.mrz", mrz.ExpiryDate, "chip.dg1", dg1.ExpiryDate);
        }

        foreach (var barcode in barcodes.Select(b => b.Barcode))
        {
            var fields = barcode.Fields;
            switch (barcode.PayloadType)
            {
                case "aamva":
                    if (Get(fields, "dl.family_name", "id.family_name") is { } family)
                    {
                        yield return Name("surname", "document.mrz", mrz.Surname, "barcode.aamva", family, truncated);
                    }

                    if (Get(fields, "dl.first_name", "id.first_name") is { } first)
                    {
                        yield return Name("first_given_name", "document.mrz", FirstName(mrz.GivenNames), "barcode.aamva", first, truncated);
                    }

                    if (Get(fields, "dl.date_of_birth", "id.date_of_birth") is { } born)
                    {
                        yield return Exact("birth_date", "document.mrz", mrz.BirthDate, "barcode.aamva", born);
                    }

                    break;
                case "vds":
                    if (Get(fields, "mrz.surname") is { } surname)
                    {
                        yield return Name("surname", "document.mrz", mrz.Surname, "barcode.vds.mrz", surname, truncated, truncated: true);
                    }

                    if (Get(fields, "mrz.document_number") is { } number)
                    {
                        yield return Exact("document_number", "document.mrz", mrz.DocumentNumber, "barcode.vds.mrz", number);
                    }

                    if (Get(fields, "mrz.birth_date") is { } birth)
                    {
                        yield return Exact("birth_date", "document.mrz", mrz.BirthDate, "barcode.vds.mrz", birth);
                    }

                    break;
                case "bcbp":
                    // A boarding pass names the passenger SURNAME/GIVEN NAMES in 20 characters: compare the surname.
                    if (Get(fields, "passenger_name") is { } passenger)
                    {
                        var bcbpSurname = passenger.Split('/')[0];
                        yield return Name("surname", "document.mrz", mrz.Surname, "barcode.bcbp", bcbpSurname, truncated, truncated: passenger.Length >= 20);
                    }

                    break;
            }
        }
    }

    private static string? Get(Google.Protobuf.Collections.MapField<string, string> fields, params string[] keys) =>
        keys.Select(k => fields.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null).FirstOrDefault(v => v is not null);

    private static string FirstName(string givenNames) => givenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;

    private static FieldComparison Name(string field, string source, string value, string otherSource, string other, bool mrzTruncated, bool truncated = false) => new()
    {
        Field = field,
        Source = source,
        Value = NameMatching.Plain(value),
        OtherSource = otherSource,
        OtherValue = NameMatching.MrzForms(other)[0],
        Agree = NameMatching.NamesAgree(value, other, mrzTruncated, truncated),
    };

    private static FieldComparison Exact(string field, string source, string value, string otherSource, string other)
    {
        var (a, b) = field.EndsWith("_date", StringComparison.Ordinal) ? (value, other) : (NameMatching.Identifier(value), NameMatching.Identifier(other));
        return new FieldComparison { Field = field, Source = source, Value = a, OtherSource = otherSource, OtherValue = b, Agree = a == b };
    }
}
