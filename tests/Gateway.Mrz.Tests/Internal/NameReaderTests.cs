using Gateway.Mrz.Internal;

namespace Gateway.Mrz.Tests.Internal;

public sealed class NameReaderTests
{
    [Theory]
    [InlineData("ANNA<MARIA<<<<<<", "ANNA MARIA")]
    [InlineData("NICOLAS<<PAUL<", "NICOLAS PAUL")]
    [InlineData("<<<<", "")]
    [InlineData("DE<BRUIJN", "DE BRUIJN")]
    public void Normalize_TurnsFillerRunsIntoSingleSpaces(string field, string expected)
    {
        Assert.Equal(expected, NameReader.Normalize(field));
    }

    [Theory]
    [InlineData("ERIKSSON<<ANNA", 8, 10)]
    [InlineData("ERIKSSON", 8, 8)]
    [InlineData("VAN<DER<VELDEN<<GREET", 14, 16)]
    public void Split_AtFirstDoubleFiller(string field, int surnameLength, int givenStart)
    {
        Assert.Equal((surnameLength, givenStart), (NameReader.SurnameLength(field), NameReader.GivenNamesStart(field)));
    }

    [Theory]
    [InlineData("CACADOR<DE<ARAUJO<<ANDRE<ESTEV", true)]
    [InlineData("ERIKSSON<<ANNA<MARIA<<<<<<<<<<", false)]
    public void FillsField_FlagsNamesUpToTheLastCharacter(string field, bool fills)
    {
        Assert.Equal(fills, NameReader.FillsField(field));
    }
}
