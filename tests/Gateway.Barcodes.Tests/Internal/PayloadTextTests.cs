using Gateway.Barcodes.Internal;

namespace Gateway.Barcodes.Tests.Internal;

public sealed class PayloadTextTests
{
    [Theory]
    [InlineData("1F", 31)]
    [InlineData("a0", 160)]
    [InlineData("00", 0)]
    public void TryParseHex_HexDigits_ReadsValue(string text, int expected)
    {
        Assert.True(PayloadText.TryParseHex(text, 0, 2, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1G", 0)]
    [InlineData(" 1", 0)]
    [InlineData("1", 0)]
    [InlineData("12", -1)]
    public void TryParseHex_NotTwoHexDigits_ReturnsFalse(string text, int start)
    {
        Assert.False(PayloadText.TryParseHex(text, start, 2, out _));
    }

    [Fact]
    public void TryParseDigits_RejectsNonAsciiDigits()
    {
        Assert.False(PayloadText.TryParseDigits("١٢", 0, 2, out _));
        Assert.True(PayloadText.TryParseDigits("0042", 0, 4, out var value));
        Assert.Equal(42, value);
    }

    [Fact]
    public void FromBytes_EveryByte_MapsToOneCharacter()
    {
        var bytes = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();

        var text = PayloadText.FromBytes(bytes);

        Assert.Equal(256, text.Length);
        Assert.Equal('\u00FF', text[255]);
    }

    [Theory]
    [InlineData("\u00EF\u00BB\u00BFM1", 3)]
    [InlineData("\uFEFFM1", 1)]
    [InlineData("M1", 0)]
    [InlineData("", 0)]
    public void ByteOrderMarkLength_Start_CountsMark(string text, int expected)
    {
        Assert.Equal(expected, PayloadText.ByteOrderMarkLength(text));
    }
}
