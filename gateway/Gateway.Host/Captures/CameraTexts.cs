using System.Globalization;
using System.Resources;
using Gateway.Host.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Captures;

/// <summary>
/// Camera texts in the configured language (<c>Resources/Camera*.resx</c>): the portrait quality gate's instruction
/// for each feedback code (an unknown code is shown as it is), and the preview's errors.
/// </summary>
internal sealed class CameraTexts(IOptions<GatewayOptions> options)
{
    private static readonly ResourceManager Resources = new("Gateway.Host.Resources.Camera", typeof(CameraTexts).Assembly);
    private readonly CultureInfo _culture = CultureInfo.GetCultureInfo(options.Value.Language == "fr" ? "fr" : "en");

    public string Instruction(string code) => Resources.GetString("Feedback_" + code, _culture) ?? code;

    public string Format(string name, params object?[] args) =>
        string.Format(_culture, Resources.GetString(name, _culture) ?? throw new ArgumentException($"No text named '{name}'.", nameof(name)), args);
}
