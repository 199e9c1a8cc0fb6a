using System.Globalization;

namespace Gateway.Drivers.Simulated.Internal;

/// <summary>Writes IATA BCBP (Resolution 792) single-leg boarding passes with the mandatory items only.</summary>
internal static class SpecimenBoardingPasses
{
    private static readonly string[] Airports = ["ABJ", "ACC", "BKO", "DKR", "LFW", "NIM", "OUA", "COO", "ABV", "CKY"];
    private static readonly string[] Carriers = ["HF ", "KP ", "AT ", "ET ", "2J "];

    public static string Next(Random random, SpecimenTraveller t, DateOnly today)
    {
        var from = Airports[random.Next(Airports.Length)];
        var to = Airports[(Array.IndexOf(Airports, from) + 1 + random.Next(Airports.Length - 1)) % Airports.Length];
        var name = $"{t.Surname}/{t.GivenNames.Split(' ')[0]}";
        name = name.Length > 20 ? name[..20] : name.PadRight(20);
        var pnr = t.DocumentNumber[..6].PadRight(7);
        var flight = random.Next(1, 9999).ToString("D4", CultureInfo.InvariantCulture) + " ";
        var seat = random.Next(1, 40).ToString("D3", CultureInfo.InvariantCulture) + (char)('A' + random.Next(6));
        var sequence = random.Next(1, 300).ToString("D4", CultureInfo.InvariantCulture) + " ";
        return $"M1{name}E{pnr}{from}{to}{Carriers[random.Next(Carriers.Length)]}{flight}{today.DayOfYear:D3}Y{seat}{sequence}100";
    }
}
