using Gateway.Mrz.Internal;

namespace Gateway.Mrz.Tests;

/// <summary>Generate → parse properties over random fields (seeded: a failure names its seed and iteration).</summary>
public sealed class MrzPropertyTests
{
    private const int Iterations = 400;

    public static TheoryData<MrzFormat> Formats => [.. RandomMrzData.Formats];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Generate_ThenParse_RoundTripsEveryField(MrzFormat format)
    {
        var random = new Random(9303 + (int)format);
        for (var i = 0; i < Iterations; i++)
        {
            var data = RandomMrzData.Next(random, format);
            var text = MrzGenerator.Generate(data);
            var result = MrzParser.Parse(text, Specimens.Options);
            var context = $"{format} #{i}: {text}";

            Assert.True(result.Valid, $"{context}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
            Assert.Equal(format, result.Format);
            Assert.Empty(result.Corrections);
            Assert.Equal(data.DocumentNumber, result.DocumentNumber);
            Assert.Equal(data.IssuingState, result.IssuingStateCode);
            Assert.Equal(data.Surname, result.Surname);
            Assert.Equal(data.GivenNames, result.GivenNames);
            Assert.Equal(data.DateOfBirth, result.DateOfBirth.Value);
            Assert.Equal(data.DateOfExpiry, result.DateOfExpiry.Value);
            Assert.Equal(data.Sex, result.Sex);
            Assert.Equal(data.OptionalData1, result.GetField(MrzFieldName.OptionalData1)?.Value ?? string.Empty);
            Assert.Equal(data.OptionalData2, result.GetField(MrzFieldName.OptionalData2)?.Value ?? string.Empty);
            Assert.Equal(data.PersonalNumber, result.GetField(MrzFieldName.PersonalNumber)?.Value ?? string.Empty);
            Assert.Equal(data.AdministrativeCode, result.GetField(MrzFieldName.AdministrativeCode)?.Value ?? string.Empty);
            if (format != MrzFormat.FrenchIdentityCard)
            {
                Assert.Equal(data.Nationality, result.NationalityCode);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Parse_RandomSingleCorruptionInCheckedPosition_IsCaughtOrCorrectedBack(MrzFormat format)
    {
        var random = new Random(4242 + (int)format);
        var layout = MrzLayouts.For(format);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";
        var caught = 0;
        var corrected = 0;
        for (var i = 0; i < Iterations * 2; i++)
        {
            var original = MrzGenerator.Generate(RandomMrzData.Next(random, format));
            int position;
            do
            {
                position = random.Next(original.Length);
            }
            while (layout.Coverage[position] == 0);

            var replacement = alphabet[random.Next(alphabet.Length)];

            // 7-3-1 cannot see a change by a multiple of 10 (0/A/K/U/<, 1/B/L/V, …): Doc 9303's own blind spot.
            if (CheckDigit.ValueOf(replacement) % 10 == CheckDigit.ValueOf(original[position]) % 10)
            {
                continue;
            }

            var corrupted = original[..position] + replacement + original[(position + 1)..];
            var result = MrzParser.Parse(corrupted, Specimens.Options);
            var context = $"{format} #{i}: position {position} '{original[position]}'→'{replacement}'\n{corrupted}";

            Assert.Equal(corrupted.Split('\n'), result.Lines);
            if (result.Valid)
            {
                corrected++;
                // Corrected back — or, for a letter, to one the check digits cannot tell from it (I/S, E/O/Y, …).
                var correction = Assert.Single(result.Corrections, c => c.From == replacement);
                Assert.True(
                    correction.To == original[position] || CheckDigit.ValueOf(correction.To) % 10 == CheckDigit.ValueOf(original[position]) % 10,
                    context);
                Assert.True(result.Tolerances.HasFlag(MrzTolerances.OcrCorrection), context);
            }
            else
            {
                caught++;
                Assert.True(result.Errors.Any(), context);
            }
        }

        Assert.True(caught > 0, "no corruption was caught");
        Assert.True(corrected > 0, "no corruption was corrected");
    }
}
