using Gateway.Mrz;

namespace Gateway.Drivers.PageReader.Simulated.Specimens;

/// <summary>
/// Generated specimen documents of Utopia (UTO, the specimen state of ICAO Doc 9303). Names are drawn from short lists
/// and combined at random: generated data, never real people.
/// </summary>
public static class SpecimenDocuments
{
    private static readonly string[] Surnames = ["ERIKSSON", "SPECIMEN", "DIALLO", "MENSAH", "NDIAYE", "SAWADOGO", "MUSTERMANN"];
    private static readonly string[] GivenNames = ["ANNA MARIA", "AMINATA", "KOFI", "AWA", "IBRAHIM", "ERIKA", "SEYDOU"];

    /// <summary>A random specimen of <paramref name="format"/>, valid on <paramref name="today"/>, with its format's barcode.</summary>
    public static SpecimenDocument Random(Random random, SimulatedFormat format, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(random);
        const string alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        var number = new string([alphabet[random.Next(23)], .. Enumerable.Range(0, 8).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        var (mrzFormat, code, barcode) = format switch
        {
            SimulatedFormat.Td1 => (MrzFormat.Td1, "ID", SpecimenBarcode.DataMatrix),
            SimulatedFormat.Td2 => (MrzFormat.Td2, "I", SpecimenBarcode.Pdf417),
            SimulatedFormat.Visa => (MrzFormat.MrvA, "V", SpecimenBarcode.Pdf417),
            _ => (MrzFormat.Td3, "P", SpecimenBarcode.None),
        };
        return new SpecimenDocument
        {
            Data = new MrzData
            {
                Format = mrzFormat,
                DocumentCode = code,
                IssuingState = "UTO",
                Nationality = "UTO",
                Surname = Surnames[random.Next(Surnames.Length)],
                GivenNames = GivenNames[random.Next(GivenNames.Length)],
                DocumentNumber = number,
                DateOfBirth = today.AddDays(-random.Next(365 * 18, 365 * 80)),
                DateOfExpiry = today.AddDays(random.Next(30, 365 * 9)),
                Sex = random.Next(2) == 0 ? MrzSex.Female : MrzSex.Male,
            },
            Barcode = barcode,
        };
    }
}
