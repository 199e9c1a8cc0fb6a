namespace Gateway.Drivers.PageFolder.Internal;

/// <summary>Which scan and light a file is, from its name: <c>&lt;scan&gt;&lt;suffix&gt;.&lt;ext&gt;</c> or <c>&lt;scan&gt;.&lt;ext&gt;</c>.</summary>
internal sealed class PageNames(PageFolderOptions options)
{
    // TIFF files are taken too, to be sent to failed/ with a clear reason rather than left unexplained in the folder.
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg", ".tif", ".tiff"];

    private readonly (string Suffix, LightSource Light)[] _suffixes =
    [
        (options.VisibleSuffix, LightSource.Visible),
        (options.InfraredSuffix, LightSource.Infrared),
        (options.UltravioletSuffix, LightSource.Ultraviolet),
    ];

    /// <summary>Whether the driver takes files of this name (PNG, JPEG, TIFF; temporary names such as <c>.part</c> are left alone).</summary>
    public static bool IsImage(string path) =>
        Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase) && !Path.GetFileName(path).StartsWith('.');

    /// <summary>The scan a file belongs to, its light, and whether the name carried a light suffix.</summary>
    public (string Scan, LightSource Light, bool Suffixed) Of(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        foreach (var (suffix, light) in _suffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return (name[..^suffix.Length], light, true);
            }
        }

        return (name, LightSource.Visible, false);
    }
}
