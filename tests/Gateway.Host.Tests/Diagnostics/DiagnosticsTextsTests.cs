using System.Collections;
using System.Globalization;
using System.Resources;
using Gateway.Host.Diagnostics;

namespace Gateway.Host.Tests.Diagnostics;

public sealed class DiagnosticsTextsTests
{
    private static readonly ResourceManager Resources = new("Gateway.Host.Resources.Diagnostics", typeof(DiagnosticsTexts).Assembly);

    private static Dictionary<string, string> Set(string culture) =>
        Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Fact]
    public void French_HasEveryTextOfEnglish_WithTheSamePlaceholders()
    {
        var neutral = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
        var french = Set("fr");

        Assert.NotEmpty(neutral);
        Assert.Empty(neutral.Keys.Except(french.Keys));
        foreach (var (key, text) in neutral)
        {
            Assert.False(string.IsNullOrWhiteSpace(french[key]), key);
            for (var i = 0; i < 4; i++)
            {
                Assert.Equal(text.Contains($"{{{i}}}", StringComparison.Ordinal), french[key].Contains($"{{{i}}}", StringComparison.Ordinal));
            }
        }

        // Most texts differ; the few equal ones are words French and English share.
        Assert.True(neutral.Count(t => t.Value == french[t.Key]) <= 3, string.Join(", ", neutral.Where(t => t.Value == french[t.Key]).Select(t => t.Key)));
    }

    [Fact]
    public void Page_InFrench_GivesThePageTextsWithoutTheirPrefix()
    {
        var french = DiagnosticsTexts.Page("fr");
        var english = DiagnosticsTexts.Page("en");

        Assert.Equal("Diagnostic de la cabine", french["Title"]);
        Assert.Equal("Booth diagnostics", english["Title"]);
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), french.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(french.Keys, k => k.StartsWith("Health_", StringComparison.Ordinal));
    }
}
