namespace Gateway.Drivers.Sane.Tests;

/// <summary>
/// SANE's own <c>test</c> backend (in Debian's libsane1): a configuration folder whose dll.conf enables only it, so the
/// driver sees the virtual scanners <c>test:0</c> and <c>test:1</c> and no real one. SANE reads the folder once per
/// process: every test uses this one.
/// </summary>
internal static class TestBackend
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("sane-config-").FullName;
        File.WriteAllText(Path.Combine(folder, "dll.conf"), "test\n");
        return folder;
    });

    public static string ConfigDirectory => Folder.Value;

    /// <summary>Settings of a small, fast scan (the test backend's default area is 80 × 100 mm).</summary>
    public static Dictionary<string, string?> Settings(string mode = "Gray", int resolution = 50, params (string Name, string Value)[] backend)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DeviceName"] = "test:0",
            ["Mode"] = mode,
            ["Resolution"] = resolution.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ConfigDirectory"] = ConfigDirectory,
        };
        foreach (var (name, value) in backend)
        {
            settings["BackendOptions:" + name] = value;
        }

        return settings;
    }

    public static SaneScannerOptions Options(string mode = "Gray", int resolution = 50, params (string Name, string Value)[] backend) => new()
    {
        DeviceName = "test:0",
        Mode = mode,
        Resolution = resolution,
        ConfigDirectory = ConfigDirectory,
        BackendOptions = backend.ToDictionary(b => b.Name, b => b.Value),
    };
}
