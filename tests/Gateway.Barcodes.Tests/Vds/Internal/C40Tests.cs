using Gateway.Barcodes.Tests.Vds;
using Gateway.Barcodes.Vds.Internal;

namespace Gateway.Barcodes.Tests.Vds.Internal;

public sealed class C40Tests
{
    [Theory]
    [InlineData("UTO", "D9C5")] // the issuing country of every UTO seal in VdsVectors
    [InlineData("D  ", "6ABC")] // Germany's D<< (tsenger/vdstools VdsHeaderCommonTest)
    [InlineData("DETS02", "6D32C8A7")] // signer DETS, reference length 02
    [InlineData("XYZ", "ED58")]
    public void TryDecode_PublishedPairs_DecodeToText(string expected, string hex)
    {
        Assert.True(C40.TryDecode(Convert.FromHexString(hex), out var text, out _, out _));
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("AB")] // two characters left: padded with Shift 1
    [InlineData("ABCD")] // one character left: unlatched
    [InlineData("ABC")]
    [InlineData("")]
    [InlineData("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<")]
    [InlineData("0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ")]
    public void TryDecode_WhatTheWriterEncodes_RoundTrips(string text)
    {
        Assert.True(C40.TryDecode(VdsSealWriter.C40(text), out var decoded, out _, out _));
        Assert.Equal(text.Replace('<', ' '), decoded);
    }

    [Fact]
    public void TryDecode_TrailingSingleCharacter_IsUnlatchedAscii()
    {
        Assert.True(C40.TryDecode([0xFE, 0x45], out var text, out _, out _));
        Assert.Equal("D", text);
    }

    [Theory]
    [InlineData("D9", 0, "odd number")] // a single trailing byte without its partner
    [InlineData("D9C5D9", 2, "odd number")]
    [InlineData("0000", 0, "not a C40 value")]
    [InlineData("FA01", 0, "not a C40 value")] // 64001
    [InlineData("FE45D9C5", 0, "only at the end")]
    [InlineData("FE01", 0, "ASCII")]
    [InlineData("0001", 0, "shift")] // 0, 0, 0: shifts in the middle
    [InlineData("0641D9C5", 0, "shift")] // a Shift 2 (value 1) in the first position
    public void TryDecode_BadC40_ReportsWhereAndWhy(string hex, int index, string why)
    {
        Assert.False(C40.TryDecode(Convert.FromHexString(hex), out _, out var errorIndex, out var error));
        Assert.Equal(index, errorIndex);
        Assert.Contains(why, error, StringComparison.Ordinal);
    }
}
