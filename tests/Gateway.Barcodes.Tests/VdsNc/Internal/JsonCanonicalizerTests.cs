using System.Text;
using Gateway.Barcodes.VdsNc.Internal;

namespace Gateway.Barcodes.Tests.VdsNc.Internal;

public sealed class JsonCanonicalizerTests
{
    private static string Canonical(string json)
    {
        var node = JsonTreeReader.Read(Encoding.UTF8.GetBytes(json), out _, out var error) ?? throw new InvalidOperationException(error);
        return Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(node, out _)!);
    }

    [Fact]
    public void Canonicalize_Rfc8785Section322Example()
    {
        const string Input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;

        Assert.Equal(
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}",
            Canonical(Input));
    }

    [Fact]
    public void Canonicalize_Rfc8785Section323SortsByUtf16CodeUnits()
    {
        const string Input = """
            {"\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One",
             "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control", "\u00f6": "Latin Small Letter O With Diaeresis"}
            """;

        using var document = System.Text.Json.JsonDocument.Parse(Canonical(Input));
        var values = document.RootElement.EnumerateObject().Select(p => p.Value.GetString()!).ToArray();

        Assert.Equal(
            ["Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign", "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh"],
            values);
    }

    [Theory]
    [InlineData("{ \"b\" : [ 1 , 2 ] ,\n\t\"a\" : {} }", "{\"a\":{},\"b\":[1,2]}")]
    [InlineData("\"\\u0041\\t\\u001f\\u007f\"", "\"A\\t\\u001f\u007f\"")]
    [InlineData("[1.0E2, -0, 0.10]", "[100,0,0.1]")]
    public void Canonicalize_WhitespaceEscapesAndNumbers(string input, string expected)
    {
        Assert.Equal(expected, Canonical(input));
    }

    [Fact]
    public void Canonicalize_NumberBeyondDoubleRange_Fails()
    {
        var node = JsonTreeReader.Read("[1e400]"u8, out _, out _)!;

        Assert.Null(JsonCanonicalizer.Canonicalize(node, out var error));
        Assert.Contains("1e400", error, StringComparison.Ordinal);
    }
}
