using System.Globalization;
using System.Resources;
using Gateway.Host.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Captures;

/// <summary>
/// Fingerprint texts in the configured language (<c>Resources/Fingerprints*.resx</c>): the instruction for each quality
/// feedback code and the scanner's events (an unknown code is shown as it is).
/// </summary>
internal sealed class FingerprintTexts(IOptions<GatewayOptions> options)
{
    private static readonly ResourceManager Resources = new("Gateway.Host.Resources.Fingerprints", typeof(FingerprintTexts).Assembly);
    private readonly CultureInfo _culture = CultureInfo.GetCultureInfo(options.Value.Language == "fr" ? "fr" : "en");

    public string Instruction(string code) => Resources.GetString("Feedback_" + code, _culture) ?? code;

    /// <summary>The text of a scanner event (<c>finger.*</c> incident codes), if there is one.</summary>
    public static string? Incident(string code, CultureInfo culture) =>
        Resources.GetString("Incident_" + code.Replace('.', '_'), culture);
}
