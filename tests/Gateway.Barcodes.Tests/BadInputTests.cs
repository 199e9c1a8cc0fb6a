using Gateway.Barcodes.Aamva;
using Gateway.Barcodes.Bcbp;
using Gateway.Barcodes.Tests.Aamva;
using Gateway.Barcodes.Tests.Bcbp;

namespace Gateway.Barcodes.Tests;

/// <summary>Bad input of every kind gives a result with errors, never an exception, and results stay self-consistent.</summary>
public sealed class BadInputTests
{
    private static readonly string[] Seeds =
    [
        BcbpVectors.MandatoryOnly, BcbpVectors.MandatoryWithSecurity, BcbpVectors.FullSingleLegV5, BcbpVectors.TwoLegsV6,
        BcbpVectors.LufthansaV2, BcbpVectors.KlmV5, BcbpVectors.UnitedV3, BcbpVectors.PartialWithMalformedSecurity,
        AamvaPayloads.AnnexDExample, AamvaPayloads.Us(), AamvaPayloads.Build(1, ("DL", AamvaPayloads.Version1Elements)),
        AamvaPayloads.Build(9, ("ID", AamvaPayloads.CanadianElements), ("ZX", ["ZXAEXAMPLE"])),
    ];

    // Characters that steer the parsers (digits, hex, markers, separators), so mutations reach deep paths.
    private const string StructureCharacters = "0123456789ABCDEF^>\r\n\u001e@ ";

    [Fact]
    public void Parse_OneMegabyteOfRandomBytes_ReportsErrors()
    {
        var bytes = new byte[1 << 20];
        new Random(792).NextBytes(bytes);

        foreach (var result in ParseEveryWay(PayloadText(bytes)))
        {
            Assert.False(result.Valid);
            AssertConsistent(result, bytes.Length);
        }
    }

    [Theory]
    [InlineData("M1")]
    [InlineData("@\n\u001e\rANSI 636000100102DL00410278")]
    public void Parse_FormatPrefixThenOneMegabyteOfRandomBytes_ReportsErrors(string prefix)
    {
        var bytes = new byte[1 << 20];
        new Random(2020).NextBytes(bytes);
        var payload = prefix + PayloadText(bytes);

        foreach (var result in ParseEveryWay(payload))
        {
            Assert.False(result.Valid);
            AssertConsistent(result, payload.Length);
        }
    }

    [Theory]
    [InlineData("\0\0\0\0")]
    [InlineData("\u00FF\u00FE\u0000M")]
    [InlineData("M")]
    [InlineData("M1")]
    [InlineData("@")]
    [InlineData("ANSI ")]
    [InlineData("^^^^^^^^")]
    public void Parse_Garbage_ReportsErrors(string payload)
    {
        foreach (var result in ParseEveryWay(payload))
        {
            Assert.False(result.Valid);
            AssertConsistent(result, payload.Length);
        }
    }

    [Fact]
    public void Parse_SeededMutationsOfValidPayloads_NeverThrowAndStayConsistent()
    {
        // Fixed seed: a failure names the iteration, and the same input comes back on every run.
        var random = new Random(20251);
        for (var iteration = 0; iteration < 3000; iteration++)
        {
            var payload = Mutate(Seeds[random.Next(Seeds.Length)], random);
            try
            {
                foreach (var result in ParseEveryWay(payload))
                {
                    AssertConsistent(result, payload.Length);
                }
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"Iteration {iteration} threw {e.GetType().Name} on {Escape(payload)}: {e.Message}");
            }
        }
    }

    private static IEnumerable<PayloadResult> ParseEveryWay(string payload)
    {
        foreach (var mode in new[] { ParseMode.Lenient, ParseMode.Strict })
        {
            yield return PayloadParser.Parse(payload, mode);
            yield return BcbpParser.Parse(payload, mode);
            yield return AamvaParser.Parse(payload, mode);
        }
    }

    private static void AssertConsistent(PayloadResult result, int length)
    {
        Assert.Equal(!result.Errors.Any(), result.Valid);
        Assert.All(result.Issues, i => Assert.InRange(i.Offset, 0, length));
        Assert.All(result.Tolerances, t => Assert.InRange(t.Offset, 0, length));
        Assert.All(result.Fields, f => Assert.InRange(f.Offset, 0, length));
        Assert.All(result.Fields, f => Assert.InRange(f.Offset + f.Raw.Length, 0, length));
        Assert.All(result.Issues, i => Assert.False(string.IsNullOrWhiteSpace(i.Message)));
        if (result.Mode == ParseMode.Strict)
        {
            Assert.Empty(result.Tolerances);
        }
    }

    private static string Mutate(string seed, Random random)
    {
        var chars = seed.ToList();
        var edits = random.Next(1, 4);
        for (var i = 0; i < edits && chars.Count > 0; i++)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(6))
            {
                case 0:
                    chars.RemoveRange(at, chars.Count - at);
                    break;
                case 1:
                    chars[at] = (char)random.Next(256);
                    break;
                case 2:
                    chars.Insert(at, (char)random.Next(256));
                    break;
                case 3:
                    chars.RemoveAt(at);
                    break;
                case 4:
                    chars[at] = StructureCharacters[random.Next(StructureCharacters.Length)];
                    break;
                default:
                    chars.InsertRange(at, chars.Skip(random.Next(chars.Count)).Take(random.Next(1, 40)).ToList());
                    break;
            }
        }

        return new string(chars.ToArray());
    }

    private static string PayloadText(byte[] bytes) => System.Text.Encoding.Latin1.GetString(bytes);

    private static string Escape(string payload) =>
        string.Concat(payload.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));
}
