using System.Security.Cryptography;
using System.Text;
using Gateway.Barcodes.Seals;
using Gateway.Barcodes.Tests.Vds;
using Gateway.Barcodes.Tests.VdsNc;
using Gateway.Barcodes.Vds;
using Gateway.Barcodes.VdsNc;

namespace Gateway.Barcodes.Tests.Seals;

/// <summary>Bad seals of every kind give results with positioned errors, never an exception, and never a verified signature.</summary>
public sealed class SealBadInputTests : IDisposable
{
    private readonly TestPki _pki = new();
    private readonly ECDsa _key;
    private readonly TrustStore _store;

    public SealBadInputTests()
    {
        var (signer, key) = _pki.CreateSigner();
        _key = key;
        _store = _pki.Store(_pki.Csca, signer);
    }

    public void Dispose() => _pki.Dispose();

    private SealParseOptions Options(ParseMode mode = ParseMode.Lenient) =>
        new() { TrustStore = _store, Mode = mode, TimeProvider = new FixedTime(2025, 1, 1) };

    private byte[][] Seals() =>
    [
        TestSeals.ResidencePermit(_key), TestSeals.ResidencePermit(_key, version: 3), TestSeals.Visa(_key),
        VdsVectors.Bytes(VdsVectors.Visa224), VdsVectors.Bytes(VdsVectors.SocialInsurance), VdsVectors.Bytes(VdsVectors.UnknownTypeUtoVisa),
    ];

    [Fact]
    public void VdsParse_TruncatedAtEveryLength_ReportsErrorsAndIsNeverVerified()
    {
        foreach (var seal in Seals())
        {
            for (var length = 0; length < seal.Length; length++)
            {
                var result = VdsParser.Parse(seal.AsSpan(0, length), Options());

                Assert.False(result.Valid, $"A seal cut to {length} of {seal.Length} bytes was valid.");
                Assert.NotEqual(SignatureStatus.Verified, result.Signature!.Status);
                AssertConsistent(result, length);
            }
        }
    }

    [Fact]
    public void VdsParse_SeededRandomBytesAfterTheMagic_NeverThrow()
    {
        var random = new Random(9303);
        for (var iteration = 0; iteration < 3000; iteration++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            if (bytes.Length > 1)
            {
                bytes[0] = 0xDC;
                bytes[1] = (byte)random.Next(2, 4);
            }

            var result = Run(() => VdsParser.Parse(bytes, Options(iteration % 2 == 0 ? ParseMode.Lenient : ParseMode.Strict)), iteration, bytes);
            Assert.NotEqual(SignatureStatus.Verified, result.Signature!.Status);
            AssertConsistent(result, bytes.Length);
        }
    }

    [Fact]
    public void VdsParse_SeededMutationsOfValidSeals_NeverThrowAndAreNeverVerified()
    {
        var random = new Random(13137);
        var seals = Seals();
        for (var iteration = 0; iteration < 3000; iteration++)
        {
            var seal = seals[random.Next(seals.Length)].ToList();
            for (var edits = random.Next(1, 4); edits > 0 && seal.Count > 0; edits--)
            {
                var at = random.Next(seal.Count);
                switch (random.Next(4))
                {
                    case 0: seal[at] = (byte)random.Next(256); break;
                    case 1: seal.Insert(at, (byte)random.Next(256)); break;
                    case 2: seal.RemoveAt(at); break;
                    default: seal[at] = (byte)(new byte[] { 0x00, 0x7F, 0x80, 0x81, 0x82, 0x84, 0xFE, 0xFF })[random.Next(8)]; break;
                }
            }

            var bytes = seal.ToArray();
            var result = Run(() => VdsParser.Parse(bytes, Options()), iteration, bytes);
            AssertConsistent(result, bytes.Length);
        }
    }

    [Theory]
    [InlineData("0284FFFFFFFF")] // a 4 GB feature
    [InlineData("0282FFFF")]
    [InlineData("0280")]
    [InlineData("02")]
    [InlineData("FF84FFFFFFFF")]
    [InlineData("FF00")]
    public void VdsParse_HugeOrBrokenLengths_AreErrors(string tail)
    {
        byte[] seal = [.. VdsSealWriter.Header(4, "UTO", "UTTS", "5B", TestSeals.Issued, TestSeals.Signed, VdsSealWriter.ResidencePermit), .. Convert.FromHexString(tail)];

        var result = VdsParser.Parse(seal, Options());

        Assert.False(result.Valid);
        AssertConsistent(result, seal.Length);
    }

    [Fact]
    public void VdsParse_OneMegabyteAfterAHeader_IsBoundedAndReportsErrors()
    {
        var bytes = new byte[1 << 20];
        new Random(1).NextBytes(bytes);
        byte[] seal = [.. VdsSealWriter.Header(4, "UTO", "UTTS", "5B", TestSeals.Issued, TestSeals.Signed, 0x5D01), .. bytes];

        var result = VdsParser.Parse(seal, Options());

        Assert.False(result.Valid);
        AssertConsistent(result, seal.Length);
    }

    [Fact]
    public void VdsNcParse_TruncatedAtEveryLength_ReportsErrorsAndIsNeverVerified()
    {
        using var csca = PublishedCertificates.Load(VdsNcVectors.AustralianCsca);
        using var store = TrustStore.FromCertificates([csca]);
        var json = VdsNcVectors.AustralianValid;
        for (var length = 0; length < json.TrimEnd().Length; length++)
        {
            var result = VdsNcParser.Parse(json[..length], new SealParseOptions { TrustStore = store, TimeProvider = new FixedTime(2025, 1, 1) });

            Assert.False(result.Valid);
            Assert.NotEqual(SignatureStatus.Verified, result.Signature!.Status);
            AssertConsistent(result, length);
        }
    }

    [Fact]
    public void VdsNcParse_SeededMutations_NeverThrow()
    {
        var random = new Random(8785);
        const string Structure = "{}[]\":,\\ 0123456789eE.-+tfnu\u00e9\ud83d";
        for (var iteration = 0; iteration < 3000; iteration++)
        {
            var text = new StringBuilder(iteration % 2 == 0 ? VdsNcVectors.IcaoSpecimen : VdsNcVectors.AustralianValid);
            for (var edits = random.Next(1, 4); edits > 0 && text.Length > 0; edits--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0: text[at] = Structure[random.Next(Structure.Length)]; break;
                    case 1: text.Insert(at, Structure[random.Next(Structure.Length)]); break;
                    default: text.Remove(at, 1); break;
                }
            }

            var json = text.ToString();
            var result = Run(() => VdsNcParser.Parse(json, Options()), iteration, Encoding.UTF8.GetBytes(json));
            AssertConsistent(result, json.Length);
        }
    }

    [Theory]
    [InlineData(100_000, '[')]
    [InlineData(100_000, '{')]
    public void VdsNcParse_DeepNesting_IsAnErrorNotAStackOverflow(int depth, char open)
    {
        var json = "{\"data\":" + new string(open, depth) + ",\"sig\":{}}";

        var result = VdsNcParser.Parse(json);

        Assert.Contains(result.Errors, e => e.Code == "bad_json");
    }

    [Fact]
    public void VdsNcParse_RandomBytes_NeverThrow()
    {
        var random = new Random(3);
        for (var iteration = 0; iteration < 1000; iteration++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            if (bytes.Length > 0)
            {
                bytes[0] = (byte)'{';
            }

            var result = Run(() => VdsNcParser.Parse(bytes, Options()), iteration, bytes);
            Assert.False(result.Valid);
            AssertConsistent(result, bytes.Length);
        }
    }

    private static PayloadResult Run(Func<PayloadResult> parse, int iteration, byte[] input)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"Iteration {iteration} threw {e.GetType().Name} on {Convert.ToHexString(input)}: {e.Message}");
            throw;
        }
    }

    private static void AssertConsistent(PayloadResult result, int length)
    {
        Assert.Equal(!result.Errors.Any(), result.Valid);
        Assert.NotNull(result.Signature);
        Assert.All(result.Issues, i => Assert.InRange(i.Offset, 0, length));
        Assert.All(result.Issues, i => Assert.False(string.IsNullOrWhiteSpace(i.Message)));
        Assert.All(result.Tolerances, t => Assert.InRange(t.Offset, 0, length));
        Assert.All(result.Fields, f => Assert.InRange(f.Offset + f.Raw.Length, 0, length));
        if (result.Mode == ParseMode.Strict)
        {
            Assert.Empty(result.Tolerances);
        }
    }
}
