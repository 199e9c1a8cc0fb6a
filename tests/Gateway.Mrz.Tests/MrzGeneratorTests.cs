namespace Gateway.Mrz.Tests;

public sealed class MrzGeneratorTests
{
    [Fact]
    public void Generate_IcaoTd3Fields_ReproducesTheDoc9303Specimen()
    {
        Assert.Equal(Specimens.Td3, MrzGenerator.Generate(TestData.Td3()));
    }

    [Fact]
    public void Generate_IcaoTd1AndTd2Fields_ReproduceTheDoc9303Specimens()
    {
        var card = TestData.Td3() with { DocumentCode = "I", DocumentNumber = "D23145890", PersonalNumber = string.Empty };

        Assert.Equal(Specimens.Td1, MrzGenerator.Generate(card with { Format = MrzFormat.Td1 }));
        Assert.Equal(Specimens.Td2, MrzGenerator.Generate(card with { Format = MrzFormat.Td2 }));
    }

    [Fact]
    public void Generate_Td1LongDocumentNumber_WritesTheDoc9303Continuation()
    {
        var data = new MrzData
        {
            Format = MrzFormat.Td1,
            DocumentCode = "I",
            IssuingState = "UTO",
            Surname = "STEVENSON",
            GivenNames = "PETER JOHN",
            DocumentNumber = "D23145890734",
            Nationality = "UTO",
            DateOfBirth = new DateOnly(1934, 7, 12),
            Sex = MrzSex.Male,
            DateOfExpiry = new DateOnly(1995, 7, 12),
        };

        Assert.Equal(Specimens.Td1Long, MrzGenerator.Generate(data));
    }

    [Fact]
    public void Generate_FrenchCard_ReproducesTheBerthierSpecimen()
    {
        var data = new MrzData
        {
            Format = MrzFormat.FrenchIdentityCard,
            DocumentCode = "ID",
            IssuingState = "FRA",
            Surname = "BERTHIER",
            GivenNames = "CORINNE",
            DocumentNumber = "880692310285",
            DateOfBirth = new DateOnly(1965, 12, 6),
            Sex = MrzSex.Female,
        };

        Assert.Equal(Specimens.French, MrzGenerator.Generate(data));
    }

    [Fact]
    public void Generate_VisaA_ReproducesTheDoc9303Example()
    {
        var data = TestData.Td3() with
        {
            Format = MrzFormat.MrvA,
            DocumentCode = "V",
            DocumentNumber = "L8988901C",
            Nationality = "XXX",
            DateOfBirth = new DateOnly(1940, 9, 7),
            DateOfExpiry = new DateOnly(1996, 12, 10),
            PersonalNumber = string.Empty,
            OptionalData1 = "6ZE184226B",
        };

        Assert.Equal(string.Join('\n', Corpus.SpecimenCorpus.Get("ICAO-MRV-A").Lines), MrzGenerator.Generate(data));
    }

    [Fact]
    public void Generate_LongName_TruncatesAndTheParserFlagsIt()
    {
        var mrz = MrzGenerator.Generate(TestData.Td3() with { GivenNames = "ANNA MARIA KATARINA ELISABETH CHARLOTTE" });

        var result = MrzParser.Parse(mrz, Specimens.Options);

        Assert.Equal(44, mrz.Split('\n')[0].Length);
        Assert.True(result.Valid);
        Assert.True(result.IsNamePossiblyTruncated);
    }

    [Fact]
    public void Generate_UnknownBirthDate_WritesFillersThatParseAsUnknown()
    {
        var result = MrzParser.Parse(MrzGenerator.Generate(TestData.Td3() with { DateOfBirth = null }), Specimens.Options);

        Assert.True(result.Valid);
        Assert.Equal(MrzDateStatus.Unknown, result.DateOfBirth.Status);
    }

    [Fact]
    public void Generate_CharacterOutsideTheMrzAlphabet_Throws()
    {
        Assert.Throws<ArgumentException>(() => MrzGenerator.Generate(TestData.Td3() with { Surname = "ÉRIKSSON" }));
    }

    [Fact]
    public void Generate_Td3NumberLongerThanNine_ThrowsBecauseTd3HasNoContinuation()
    {
        Assert.Throws<ArgumentException>(() => MrzGenerator.Generate(TestData.Td3() with { DocumentNumber = "L898902C36" }));
    }
}
