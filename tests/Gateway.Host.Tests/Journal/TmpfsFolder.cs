using System.Diagnostics;

namespace Gateway.Host.Tests.Journal;

/// <summary>A real, small file system (tmpfs, mounted as root) that fills up: a full disk without filling the machine's.</summary>
internal sealed class TmpfsFolder : IDisposable
{
    public TmpfsFolder(int megabytes)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gateway-tmpfs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", Path);
    }

    public string Path { get; }

    /// <summary>Takes <paramref name="kilobytes"/> of the space, as another program's file would; delete it to give the space back.</summary>
    public string Fill(int kilobytes)
    {
        var file = System.IO.Path.Combine(Path, "other-program.bin");
        File.WriteAllBytes(file, new byte[kilobytes * 1024]);
        return file;
    }

    public void Dispose()
    {
        Run("umount", Path);
        Directory.Delete(Path);
    }

    private static void Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} failed: {error}");
    }
}
