namespace Gateway.Drivers.PageFolder.Internal;

/// <summary>
/// The folders a page set moves through: claimed into <c>processing/&lt;scan&gt;/</c> by rename before it is published,
/// then renamed as a whole into <c>done/</c> or <c>failed/</c> (with <c>&lt;scan&gt;.error.txt</c>). A rename is atomic
/// on one file system, so after any stop a set is in exactly one place, and one left in <c>processing/</c> is
/// published again at the next start.
/// </summary>
internal sealed class SetFolders(string root)
{
    public string Root { get; } = root;

    public string Processing { get; } = Path.Combine(root, "processing");

    public string Done { get; } = Path.Combine(root, "done");

    public string Failed { get; } = Path.Combine(root, "failed");

    public void Create()
    {
        Directory.CreateDirectory(Processing);
        Directory.CreateDirectory(Done);
        Directory.CreateDirectory(Failed);
    }

    /// <summary>Moves the files of a set into a new <c>processing/</c> folder; null when a file vanished meanwhile.</summary>
    public string? Claim(string scan, IEnumerable<string> files)
    {
        var folder = Unique(Processing, scan);
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var file in files)
            {
                File.Move(file, Path.Combine(folder, Path.GetFileName(file)));
            }
        }
        catch (FileNotFoundException)
        {
            // Taken away by someone else: give back what was moved, forget the set.
            foreach (var file in Directory.GetFiles(folder))
            {
                File.Move(file, Path.Combine(Root, Path.GetFileName(file)));
            }

            Directory.Delete(folder);
            return null;
        }

        return folder;
    }

    /// <summary>The claimed sets a previous run left, oldest first.</summary>
    public IEnumerable<string> Claimed() =>
        new DirectoryInfo(Processing).GetDirectories().OrderBy(d => d.CreationTimeUtc).ThenBy(d => d.Name, StringComparer.Ordinal).Select(d => d.FullName);

    public string MoveToDone(string claimed) => MoveInto(claimed, Done);

    public string MoveToFailed(string claimed, string reason)
    {
        var scan = Path.GetFileName(claimed);
        File.WriteAllText(Path.Combine(claimed, scan + ".error.txt"), reason + Environment.NewLine);
        return MoveInto(claimed, Failed);
    }

    private static string MoveInto(string claimed, string target)
    {
        var destination = Unique(target, Path.GetFileName(claimed));
        Directory.Move(claimed, destination);
        return destination;
    }

    /// <summary>A new folder name in <paramref name="parent"/>: the scan's name, or with -2, -3… when a scanner reuses names.</summary>
    private static string Unique(string parent, string name)
    {
        var path = Path.Combine(parent, name);
        for (var n = 2; Directory.Exists(path); n++)
        {
            path = Path.Combine(parent, $"{name}-{n}");
        }

        return path;
    }
}
