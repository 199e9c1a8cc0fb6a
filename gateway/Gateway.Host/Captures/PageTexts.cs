using System.Globalization;
using System.Resources;
using Gateway.Host.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Captures;

/// <summary>Page analysis texts in the configured language (<c>Resources/Pages*.resx</c>): the details of the <c>page.*</c> checks.</summary>
internal sealed class PageTexts(IOptions<GatewayOptions> options)
{
    private static readonly ResourceManager Resources = new("Gateway.Host.Resources.Pages", typeof(PageTexts).Assembly);
    private readonly CultureInfo _culture = CultureInfo.GetCultureInfo(options.Value.Language == "fr" ? "fr" : "en");

    public string Format(string name, params object?[] args) =>
        string.Format(_culture, Resources.GetString(name, _culture) ?? throw new ArgumentException($"No text named '{name}'.", nameof(name)), args);
}
