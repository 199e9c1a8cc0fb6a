namespace Gateway.Drivers.PageFolder.Tests;

/// <summary>A temporary hot folder, and the ways scanner software puts files into it.</summary>
internal sealed class FolderSetup : IDisposable
{
    public DirectoryInfo Folder { get; } = Directory.CreateTempSubdirectory("page-folder-");

    public string Path => Folder.FullName;

    public string Done => System.IO.Path.Combine(Path, "done");

    public string Failed => System.IO.Path.Combine(Path, "failed");

    public string Processing => System.IO.Path.Combine(Path, "processing");

    /// <summary>Writes a file elsewhere and renames it into the folder, complete at once (as most scanner tools do).</summary>
    public void Drop(string name, byte[] data)
    {
        var temporary = System.IO.Path.Combine(Path, "." + name + ".part");
        File.WriteAllBytes(temporary, data);
        File.Move(temporary, System.IO.Path.Combine(Path, name));
    }

    public void DropSet(string scan, int seed, params string[] suffixes)
    {
        foreach (var suffix in suffixes)
        {
            Drop($"{scan}{suffix}.png", TestPages.Png(seed++));
        }
    }

    public void Dispose() => Folder.Delete(recursive: true);
}
