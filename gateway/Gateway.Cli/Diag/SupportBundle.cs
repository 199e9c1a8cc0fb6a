using System.IO.Compression;
using System.Text;

namespace Gateway.Cli.Diag;

/// <summary>A support bundle could not be written; the message says why in words a technician can act on.</summary>
internal sealed class BundleWriteException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Makes the support bundle's zip in memory (a bundle is small: texts and JSON) and writes it next to its destination
/// under a temporary name, renamed only once complete: a full disk or a failed write never leaves a partial file.
/// </summary>
internal static class SupportBundle
{
    private const int DiskFull = 28; // ENOSPC
    private const int WindowsDiskFull = 0x70; // ERROR_DISK_FULL
    private const int WindowsHandleDiskFull = 0x27; // ERROR_HANDLE_DISK_FULL

    /// <summary>The zip of <paramref name="files"/> (name → text), each entry dated <paramref name="at"/>.</summary>
    public static byte[] Zip(IEnumerable<KeyValuePair<string, string>> files, DateTimeOffset at)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = at;
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return memory.ToArray();
    }

    /// <summary>Writes <paramref name="zip"/> to <paramref name="path"/> whole, or not at all.</summary>
    /// <exception cref="BundleWriteException">The folder is missing, not writable, or the disk is full.</exception>
    public static async Task WriteAsync(byte[] zip, string path, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw new BundleWriteException($"cannot write {path}: the folder {folder} does not exist.", new DirectoryNotFoundException(folder));
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.partial");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(zip, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            var reason = ex switch
            {
                UnauthorizedAccessException => "permission denied",
                IOException io when (io.HResult & 0xFFFF) is DiskFull or WindowsDiskFull or WindowsHandleDiskFull =>
                    $"the disk is full ({ex.Message.TrimEnd('.', ' ')}); nothing was written — free some space or choose another folder with -o",
                _ => ex.Message.TrimEnd('.', ' '),
            };
            throw new BundleWriteException($"cannot write {path}: {reason}.", ex);
        }
        catch (OperationCanceledException)
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the name starts with a dot and ends in .partial, so it is never taken for a bundle.
        }
    }
}
