using System.Globalization;
using System.Resources;

namespace Gateway.Emrtd.Internal;

/// <summary>The texts of check details and fallbacks, in English and French (Resources/ChipTexts*.resx).</summary>
internal static class ChipTexts
{
    private static readonly ResourceManager Resources = new("Gateway.Emrtd.Resources.ChipTexts", typeof(ChipTexts).Assembly);

    public static string Format(CultureInfo culture, string name, params object?[] args)
    {
        var template = Resources.GetString(name, culture) ?? throw new ArgumentException($"No text named '{name}'.", nameof(name));
        return string.Format(culture, template, args);
    }
}
