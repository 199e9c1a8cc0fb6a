using System.ComponentModel.DataAnnotations;

namespace Gateway.Drivers.PageFolder;

/// <summary>The settings of a <c>page-folder</c> device.</summary>
public sealed class PageFolderOptions : IValidatableObject
{
    /// <summary>
    /// The folder the scanner software saves page images into (PNG or JPEG). The driver creates <c>processing/</c>,
    /// <c>done/</c> and <c>failed/</c> inside it. Required.
    /// </summary>
    [Required]
    public string Path { get; set; } = string.Empty;

    /// <summary>The file-name ending (before the extension) of an image taken under white light. Default <c>_white</c>.</summary>
    public string VisibleSuffix { get; set; } = "_white";

    /// <summary>The file-name ending of an image taken under infrared light. Default <c>_ir</c>.</summary>
    public string InfraredSuffix { get; set; } = "_ir";

    /// <summary>The file-name ending of an image taken under ultraviolet light. Default <c>_uv</c>.</summary>
    public string UltravioletSuffix { get; set; } = "_uv";

    /// <summary>
    /// The lights a set of suffixed files is complete with, comma-separated (<c>Visible</c>, <c>Infrared</c>,
    /// <c>Ultraviolet</c>); a set that lacks some is taken after <see cref="SettleTime"/>. A file without a suffix
    /// (<c>scan.png</c>) is a visible-only set, complete by itself. Default <c>Visible,Infrared,Ultraviolet</c>.
    /// </summary>
    public string ExpectedLights { get; set; } = "Visible,Infrared,Ultraviolet";

    /// <summary>Resolution reported for images whose header does not give one (PNG pHYs, JPEG JFIF). Default 300 ppi.</summary>
    [Range(50, 2400)]
    public int Ppi { get; set; } = 300;

    /// <summary>
    /// How long a file's size and time must stay unchanged before it is read. 0 suits scanner software that writes
    /// elsewhere and renames finished files into the folder. Default 1 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan StableTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an incomplete set (some expected lights missing) waits before it is taken as it is. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a file that ends mid-image (a writer that stalled or died) waits for its end before it is moved to
    /// <c>failed/</c>. Default 1 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan IncompleteTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the folder is looked at. Default 200 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.005", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ParseLights(ExpectedLights) is null)
        {
            yield return new ValidationResult(
                "must be a comma-separated list of Visible, Infrared and Ultraviolet", [nameof(ExpectedLights)]);
        }

        string[] suffixes = [VisibleSuffix, InfraredSuffix, UltravioletSuffix];
        if (suffixes.Any(string.IsNullOrWhiteSpace) || suffixes.Distinct(StringComparer.OrdinalIgnoreCase).Count() != 3)
        {
            yield return new ValidationResult("the three light suffixes must be non-empty and different", [nameof(VisibleSuffix)]);
        }
    }

    /// <summary>The lights of <see cref="ExpectedLights"/>; null when the list is not valid.</summary>
    internal static IReadOnlySet<LightSource>? ParseLights(string lights)
    {
        var set = new HashSet<LightSource>();
        foreach (var part in lights.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse<LightSource>(part, ignoreCase: true, out var light) || light == LightSource.Unspecified || int.TryParse(part, out _))
            {
                return null;
            }

            set.Add(light);
        }

        return set.Count > 0 ? set : null;
    }
}
