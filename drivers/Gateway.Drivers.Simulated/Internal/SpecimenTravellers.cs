namespace Gateway.Drivers.Simulated.Internal;

/// <summary>
/// Generated travellers of Utopia (UTO, the specimen state of ICAO Doc 9303). Names are drawn from short lists and
/// combined at random: generated data, never real people.
/// </summary>
internal static class SpecimenTravellers
{
    /// <summary>Utopia, the specimen state of ICAO Doc 9303.</summary>
    public const string State = "UTO";

    private static readonly string[] Surnames =
        ["ERIKSSON", "SPECIMEN", "DIALLO", "OUEDRAOGO", "KONE", "MENSAH", "NDIAYE", "COULIBALY", "BAKO", "SAWADOGO"];

    private static readonly string[] GivenNames =
        ["ANNA MARIA", "AMINATA", "KOFI", "FATOUMATA", "MAMADOU", "AWA", "IBRAHIM", "ADJOA", "SEYDOU", "MARIAM"];

    public static SpecimenTraveller Next(Random random, DateOnly today)
    {
        var birth = today.AddDays(-random.Next(365 * 2, 365 * 80));
        var expiry = today.AddDays(random.Next(-200, 365 * 9));
        return new SpecimenTraveller(
            Surnames[random.Next(Surnames.Length)],
            GivenNames[random.Next(GivenNames.Length)],
            DocumentNumber(random),
            birth,
            expiry,
            random.Next(2) == 0 ? 'F' : 'M');
    }

    private static string DocumentNumber(Random random)
    {
        const string alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        Span<char> number = stackalloc char[9];
        number[0] = alphabet[random.Next(23)];
        for (var i = 1; i < number.Length; i++)
        {
            number[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(number);
    }
}

internal sealed record SpecimenTraveller(
    string Surname, string GivenNames, string DocumentNumber, DateOnly BirthDate, DateOnly ExpiryDate, char Sex);
