namespace Gateway.Mrz.Tests;

/// <summary>Generator input matching the ICAO Doc 9303 Part 4 Appendix A specimen (fictitious holder, State UTO).</summary>
internal static class TestData
{
    public static MrzData Td3() => new()
    {
        Format = MrzFormat.Td3,
        DocumentCode = "P",
        IssuingState = "UTO",
        Surname = "Eriksson",
        GivenNames = "Anna Maria",
        DocumentNumber = "L898902C3",
        Nationality = "UTO",
        DateOfBirth = new DateOnly(1974, 8, 12),
        Sex = MrzSex.Female,
        DateOfExpiry = new DateOnly(2012, 4, 15),
        PersonalNumber = "ZE184226B",
    };
}
