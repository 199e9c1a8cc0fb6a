using System.Globalization;
using Gateway.Host.Configuration;
using Gateway.Host.Resources;
using Microsoft.Extensions.Options;

namespace Gateway.Host;

/// <summary>Texts for officers and technicians, in the configured language (resource files, English and French).</summary>
internal sealed class Texts(IOptions<GatewayOptions> options)
{
    private readonly CultureInfo _culture = Culture(options.Value.Language);

    /// <summary>The language texts are given in.</summary>
    public CultureInfo UiCulture => _culture;

    /// <summary>Texts in a language read straight from configuration, before the options are validated (English when unknown).</summary>
    public static Texts ForLanguage(string? language) =>
        new(Options.Create(new GatewayOptions { Language = language is "fr" ? "fr" : "en" }));

    private static CultureInfo Culture(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    public string Format(string name, params object?[] args)
    {
        var template = Messages.ResourceManager.GetString(name, _culture)
            ?? throw new ArgumentException($"No text named '{name}'.", nameof(name));
        return string.Format(_culture, template, args);
    }

    /// <summary>The text for a device incident code (resource <c>Incident_</c> + the code with dots as underscores), if any.</summary>
    public string? Incident(string code) =>
        Messages.ResourceManager.GetString("Incident_" + code.Replace('.', '_'), _culture)
        ?? Captures.FingerprintTexts.Incident(code, _culture);

    /// <summary>
    /// The text for a device failure code (resource <c>DeviceError_</c> + the code with dots as underscores), if any: for
    /// failures a technician must act on, such as a missing native library.
    /// </summary>
    public string? DeviceError(string code) =>
        Messages.ResourceManager.GetString("DeviceError_" + code.Replace('.', '_'), _culture);
}
