using System.Text;
using Gateway.Barcodes.Seals.Internal;

namespace Gateway.Barcodes.Tests.Seals.Internal;

/// <summary>FIPS 180-4 / NIST CSRC example vectors for SHA-224.</summary>
public sealed class Sha224Tests
{
    [Theory]
    [InlineData("", "D14A028C2A3A2BC9476102BB288234C415A2B01F828EA62AC5B3E42F")]
    [InlineData("abc", "23097D223405D8228642A477BDA255B32AADBCE4BDA0B3F7E36C9DA7")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "75388B16512776CC5DBA5DA1FD890150B0C6455CB4F58B1952522525")]
    public void Hash_KnownVectors(string message, string expected)
    {
        Assert.Equal(expected, Convert.ToHexString(Sha224.Hash(Encoding.ASCII.GetBytes(message))));
    }

    [Fact]
    public void Hash_OneMillionA()
    {
        Assert.Equal("20794655980C91D8BBB4C1EA97618A4BF03F42581948B2EE4EE7AD67", Convert.ToHexString(Sha224.Hash(Encoding.ASCII.GetBytes(new string('a', 1_000_000)))));
    }
}
