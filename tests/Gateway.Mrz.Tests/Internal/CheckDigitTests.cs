using Gateway.Mrz.Internal;

namespace Gateway.Mrz.Tests.Internal;

public sealed class CheckDigitTests
{
    /// <summary>Doc 9303 Part 3, Appendix A worked examples.</summary>
    [Theory]
    [InlineData("520727", '3')]
    [InlineData("AB2134<<<", '5')]
    [InlineData("HA672242<658022549601086<<<<<<<<<<<<<<0", '8')]
    [InlineData("D231458907<<<<<<<<<<<<<<<34071279507122<<<<<<<<<<<", '2')]
    [InlineData("HA672242<658022549601086<<<<<<<0", '8')]
    [InlineData("", '0')]
    public void Compute_Doc9303Examples_MatchPublishedDigits(string data, char expected)
    {
        Assert.Equal(expected, CheckDigit.Compute(data));
    }

    [Theory]
    [InlineData('0', 0)]
    [InlineData('9', 9)]
    [InlineData('A', 10)]
    [InlineData('Z', 35)]
    [InlineData('<', 0)]
    [InlineData('#', 0)]
    public void ValueOf_MapsTheMrzAlphabet(char c, int value)
    {
        Assert.Equal(value, CheckDigit.ValueOf(c));
    }
}
