namespace Gateway.Mrz.Tests;

/// <summary>Random but well-formed <see cref="MrzData"/> for property tests; seeded so failures reproduce.</summary>
internal static class RandomMrzData
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string AlphaNumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static readonly string[] Codes = ["UTO", "DEU", "FRA", "NLD", "XXA", "GBD", "EUE", "UNO", "TWN", "BEL"];

    public static readonly MrzFormat[] Formats =
        [MrzFormat.Td1, MrzFormat.Td2, MrzFormat.Td3, MrzFormat.MrvA, MrzFormat.MrvB, MrzFormat.FrenchIdentityCard];

    public static MrzData Next(Random random, MrzFormat format)
    {
        var french = format == MrzFormat.FrenchIdentityCard;
        var visa = format is MrzFormat.MrvA or MrzFormat.MrvB;
        var longNumber = format is MrzFormat.Td1 or MrzFormat.Td2 && random.Next(4) == 0;
        var numberLength = french ? 12 : longNumber ? random.Next(10, format == MrzFormat.Td1 ? 15 : 13) : random.Next(5, 10);
        var optionalLength = format switch
        {
            MrzFormat.Td1 => longNumber ? 0 : random.Next(0, 16),
            MrzFormat.Td2 => longNumber ? 0 : random.Next(0, 8),
            MrzFormat.MrvA => random.Next(0, 17),
            MrzFormat.MrvB => random.Next(0, 9),
            _ => 0,
        };
        return new MrzData
        {
            Format = format,
            DocumentCode = french ? "ID" : visa ? "V" + Pick(random, "<ABC") : format == MrzFormat.Td3 ? "P" + Pick(random, "<OD") : Pick(random, "IAC") + Pick(random, "<DR"),
            IssuingState = french ? "FRA" : Codes[random.Next(Codes.Length)],
            Nationality = french ? string.Empty : Codes[random.Next(Codes.Length)],
            Surname = Name(random, random.Next(2, 12)),
            GivenNames = random.Next(5) == 0 ? string.Empty : Name(random, random.Next(2, 7)) + (random.Next(2) == 0 ? " " + Name(random, random.Next(2, 5)) : string.Empty),
            DocumentNumber = Text(random, AlphaNumerics, numberLength),
            DateOfBirth = new DateOnly(1925, 6, 2).AddDays(random.Next(0, 36500)),
            DateOfExpiry = french ? null : new DateOnly(1990, 1, 1).AddDays(random.Next(0, 18000)),
            Sex = (MrzSex)random.Next(0, 3),
            OptionalData1 = optionalLength == 0 ? string.Empty : Text(random, AlphaNumerics, optionalLength),
            OptionalData2 = format == MrzFormat.Td1 ? Text(random, AlphaNumerics, random.Next(0, 12)) : string.Empty,
            PersonalNumber = format == MrzFormat.Td3 ? Text(random, AlphaNumerics, random.Next(0, 15)) : string.Empty,
            AdministrativeCode = french ? Text(random, AlphaNumerics, 6) : string.Empty,
        };
    }

    private static string Name(Random random, int length) => Text(random, Letters, length);

    private static string Pick(Random random, string chars) => chars[random.Next(chars.Length)].ToString();

    private static string Text(Random random, string chars, int length)
    {
        var result = new char[length];
        for (var i = 0; i < length; i++)
        {
            result[i] = chars[random.Next(chars.Length)];
        }

        return new string(result);
    }
}
