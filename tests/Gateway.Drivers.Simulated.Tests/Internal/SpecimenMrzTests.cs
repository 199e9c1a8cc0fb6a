using Gateway.Drivers.Simulated.Internal;

namespace Gateway.Drivers.Simulated.Tests.Internal;

public sealed class SpecimenMrzTests
{
    // ICAO Doc 9303 Part 4, Appendix A: the specimen passport of Anna Maria Eriksson.
    private static readonly SpecimenTraveller Eriksson =
        new("ERIKSSON", "ANNA MARIA", "L898902C3", new DateOnly(1974, 8, 12), new DateOnly(2012, 4, 15), 'F');

    [Theory]
    [InlineData("L898902C3", '6')]
    [InlineData("740812", '2')]
    [InlineData("120415", '9')]
    [InlineData("<<<<<<<<<<<<<<", '0')]
    public void CheckDigit_MatchesTheIcaoSpecimen(string field, char expected) =>
        Assert.Equal(expected, SpecimenMrz.CheckDigit(field));

    [Fact]
    public void Td3_WritesTheIcaoSpecimenLayout()
    {
        var lines = SpecimenMrz.Td3(Eriksson);

        Assert.Equal("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", lines[0]);
        // The printed specimen carries optional data ZE184226B; with it empty, the composite is over the same positions.
        Assert.Equal("L898902C36UTO7408122F1204159<<<<<<<<<<<<<<0" + SpecimenMrz.CheckDigit("L898902C36" + "7408122" + "1204159<<<<<<<<<<<<<<0"), lines[1]);
        Assert.All(lines, l => Assert.Equal(44, l.Length));
    }

    [Fact]
    public void Td1_HasThreeLinesOfThirty()
    {
        var lines = SpecimenMrz.Td1(Eriksson);

        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.Equal(30, l.Length));
        Assert.StartsWith("I<UTOL898902C36", lines[0], StringComparison.Ordinal);
        Assert.Equal("ERIKSSON<<ANNA<MARIA<<<<<<<<<<", lines[2]);
    }
}
