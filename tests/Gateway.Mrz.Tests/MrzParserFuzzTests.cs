using System.Text;

namespace Gateway.Mrz.Tests;

/// <summary>Random and hostile input never throws and always yields a self-consistent result (seeded).</summary>
public sealed class MrzParserFuzzTests
{
    [Fact]
    public void Parse_RandomBytesAsText_NeverThrows()
    {
        var random = new Random(1);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            AssertConsistent(MrzParser.Parse(Encoding.Latin1.GetString(bytes), Specimens.Options), i);
            AssertConsistent(MrzParser.Parse(Encoding.UTF8.GetString(bytes), Specimens.Options), i);
        }
    }

    [Fact]
    public void Parse_NearMrzMutations_NeverThrow()
    {
        var random = new Random(2);
        const string noise = "ABCKOSXZ0189<< \t\r\n«#a";
        var seeds = Corpus.SpecimenCorpus.All.Select(s => string.Join('\n', s.Lines)).ToArray();
        for (var i = 0; i < 5000; i++)
        {
            var text = new StringBuilder(seeds[random.Next(seeds.Length)]);
            for (var m = random.Next(1, 6); m > 0 && text.Length > 0; m--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0: text[at] = noise[random.Next(noise.Length)]; break;
                    case 1: text.Insert(at, noise[random.Next(noise.Length)]); break;
                    default: text.Remove(at, 1); break;
                }
            }

            var options = Specimens.Options with { EnableCorrection = random.Next(2) == 0 };
            AssertConsistent(MrzParser.Parse(text.ToString(), options), i);
        }
    }

    [Fact]
    public void Parse_OneMegabyteOfGarbage_ReturnsErrorsQuickly()
    {
        var random = new Random(3);
        var chars = new char[1 << 20];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)random.Next(0, 0xD800);
        }

        var result = MrzParser.Parse(new string(chars), Specimens.Options);

        Assert.False(result.Valid);
        Assert.NotEmpty(result.Errors);
        AssertConsistent(result, 0);
    }

    [Fact]
    public void Parse_ThreeLongLinesOfInvalidCharacters_CapsTheErrorList()
    {
        var line = new string('#', 30);

        var result = MrzParser.Parse($"{line}\n{line}\n{line}", Specimens.Options);

        Assert.True(result.Errors.Count() <= 20);
        Assert.Contains(result.Errors, e => e.Code == MrzIssueCode.InvalidCharacter && e.Line == 0);
    }

    /// <summary>Touches every lazy member too: materialising fields must not throw either.</summary>
    private static void AssertConsistent(MrzResult result, int iteration)
    {
        Assert.Equal(result.Valid, result.IsStructurallySound && !result.Errors.Any());
        Assert.All(result.Issues, i => Assert.False(string.IsNullOrEmpty(i.Message)));
        if (result.Valid)
        {
            Assert.All(result.Checks, c => Assert.True(c.Passed, $"#{iteration}"));
        }

        _ = result.Fields.Count + result.Lines.Count + result.CorrectedLines.Count;
        _ = (result.Age, result.IsMinor, result.IsExpired, result.ExpiresSoon, result.IssuingStateCode, result.NationalityCode);
        _ = (result.Surname, result.GivenNames, result.DocumentNumber, result.DateOfBirth.Value, result.DateOfExpiry.Value);
    }
}
