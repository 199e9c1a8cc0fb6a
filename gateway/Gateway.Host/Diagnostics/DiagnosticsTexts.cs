using System.Collections;
using System.Globalization;
using System.Resources;
using Gateway.Host.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Diagnostics;

/// <summary>
/// Diagnostics texts (<c>Resources/Diagnostics*.resx</c>): health check results in the configured language, and the
/// web page's texts in the language the page asks for.
/// </summary>
internal sealed class DiagnosticsTexts
{
    private const string PagePrefix = "Page_";
    private static readonly ResourceManager Resources = new("Gateway.Host.Resources.Diagnostics", typeof(DiagnosticsTexts).Assembly);
    private readonly CultureInfo _culture;

    public DiagnosticsTexts(IOptions<GatewayOptions> options)
        : this(options.Value.Language)
    {
    }

    private DiagnosticsTexts(string? language) => _culture = Culture(language);

    /// <summary>The same texts in <paramref name="language"/> (the page's choice); these when null.</summary>
    public DiagnosticsTexts In(string? language) => language is null ? this : new DiagnosticsTexts(language);

    /// <summary>The languages the page offers.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "fr"];

    /// <summary>The gateway's configured language.</summary>
    public string Language => _culture.TwoLetterISOLanguageName;

    public string Format(string name, params object?[] args) =>
        string.Format(_culture, Resources.GetString(name, _culture) ?? throw new ArgumentException($"No text named '{name}'.", nameof(name)), args);

    /// <summary>Every text of the page (resources named <c>Page_…</c>, without the prefix) in <paramref name="language"/>.</summary>
    public static IReadOnlyDictionary<string, string> Page(string language)
    {
        var culture = Culture(language);
        var names = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<DictionaryEntry>()
            .Select(e => (string)e.Key)
            .Where(k => k.StartsWith(PagePrefix, StringComparison.Ordinal));
        return names.ToDictionary(k => k[PagePrefix.Length..], k => Resources.GetString(k, culture) ?? k, StringComparer.Ordinal);
    }

    private static CultureInfo Culture(string? language) => CultureInfo.GetCultureInfo(language == "fr" ? "fr" : "en");
}
