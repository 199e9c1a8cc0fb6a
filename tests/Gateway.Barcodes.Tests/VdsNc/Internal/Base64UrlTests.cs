using Gateway.Barcodes.VdsNc.Internal;

namespace Gateway.Barcodes.Tests.VdsNc.Internal;

public sealed class Base64UrlTests
{
    [Theory]
    [InlineData("-_8", "FBFF")]
    [InlineData("-_8=", "FBFF")]
    [InlineData("", "")]
    [InlineData("AQID", "010203")]
    public void TryDecode_Base64Url_WithOrWithoutPadding(string text, string hex)
    {
        Assert.True(Base64Url.TryDecode(text, out var bytes, out _, out var standard));
        Assert.Equal(hex, Convert.ToHexString(bytes));
        Assert.False(standard);
    }

    [Fact]
    public void TryDecode_StandardAlphabet_DecodesAndSaysSo()
    {
        Assert.True(Base64Url.TryDecode("+/8=", out var bytes, out _, out var standard));
        Assert.Equal("FBFF", Convert.ToHexString(bytes));
        Assert.True(standard);
    }

    [Theory]
    [InlineData("AB*D", 2)]
    [InlineData("A", 0)]
    [InlineData("AAAAA", 4)]
    [InlineData("A===", 1)] // two padding characters at most: the third is the fault
    public void TryDecode_NotBase64_PointsAtTheCharacter(string text, int index)
    {
        Assert.False(Base64Url.TryDecode(text, out _, out var errorIndex, out _));
        Assert.Equal(index, errorIndex);
    }
}
