namespace Gateway.Imaging.TestMedia.Portraits;

/// <summary>
/// Test images that Debian's <c>python3-skimage</c> package ships in <c>skimage/data</c>: <c>astronaut.png</c>
/// (Eileen Collins, NASA, public domain — a frontal portrait), <c>camera.png</c> (CC0, a photographer seen from the
/// side), <c>chelsea.png</c> (CC0, a cat) and <c>coffee.png</c> (CC0, a cup): never photos of people taken from
/// elsewhere. <c>scripts/test.sh</c> unpacks the package (<c>apt-get download</c> + <c>dpkg -x</c>, without its Python
/// dependencies) and exports <see cref="FolderVariable"/>.
/// </summary>
public static class FaceImages
{
    /// <summary>The environment variable naming the folder that holds the images.</summary>
    public const string FolderVariable = "GATEWAY_SKIMAGE_DATA";

    private static readonly string[] Candidates =
    [
        "/usr/lib/python3/dist-packages/skimage/data",
        Path.Combine(Path.GetTempPath(), "gateway-test-packages", "python3-skimage", "usr/lib/python3/dist-packages/skimage/data"),
    ];

    /// <summary>The folder holding the images.</summary>
    /// <exception cref="InvalidOperationException">They are not on this machine: run <c>bash scripts/test.sh</c> once.</exception>
    public static string Folder { get; } = Find();

    /// <summary>A frontal portrait (NASA, public domain), 512 × 512.</summary>
    public static string Astronaut => Path.Combine(Folder, "astronaut.png");

    /// <summary>A photographer in profile (CC0): no frontal face.</summary>
    public static string Camera => Path.Combine(Folder, "camera.png");

    /// <summary>A cat (CC0): no human face.</summary>
    public static string Chelsea => Path.Combine(Folder, "chelsea.png");

    /// <summary>A coffee cup (CC0): no face.</summary>
    public static string Coffee => Path.Combine(Folder, "coffee.png");

    private static string Find()
    {
        var configured = Environment.GetEnvironmentVariable(FolderVariable);
        foreach (var folder in (configured is { Length: > 0 } ? [configured] : Array.Empty<string>()).Concat(Candidates))
        {
            if (File.Exists(Path.Combine(folder, "astronaut.png")))
            {
                return folder;
            }
        }

        throw new InvalidOperationException(
            $"The scikit-image test images are missing: run 'bash scripts/test.sh' (it unpacks Debian's python3-skimage) or set {FolderVariable}.");
    }
}
