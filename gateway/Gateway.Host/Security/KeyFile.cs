using System.Runtime.Versioning;
using System.Security.Cryptography;
using Gateway.Host.Configuration;

namespace Gateway.Host.Security;

/// <summary>
/// The key-encryption key (AES-256) that wraps the journal's data keys, in a file only the gateway may read: created
/// with mode 0600 on Linux and macOS, protected by DPAPI (machine scope) on Windows.
/// </summary>
internal static class KeyFile
{
    private const int KeySize = 32;

    /// <summary>Reads the key at <paramref name="path"/>, creating the file with a new random key when it does not exist.</summary>
    /// <exception cref="GatewayConfigurationException">The file exists but does not hold a key, or is readable by others.</exception>
    public static byte[] LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Create(path);
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
        {
            throw new GatewayConfigurationException($"Gateway:Journal:KeyFile: '{path}' is readable or writable by other users; it must have mode 0600 (chmod 600).");
        }

        var stored = File.ReadAllBytes(path);
        var key = OperatingSystem.IsWindows() ? Unprotect(stored) : stored;
        return key.Length == KeySize
            ? key
            : throw new GatewayConfigurationException($"Gateway:Journal:KeyFile: '{path}' does not hold a {KeySize * 8}-bit key.");
    }

    private static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = RandomNumberGenerator.GetBytes(KeySize);
        var stored = OperatingSystem.IsWindows() ? Protect(key) : key;
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(path, options))
        {
            file.Write(stored);
            file.Flush(flushToDisk: true);
        }
    }

    [SupportedOSPlatform("windows")]
    private static byte[] Protect(byte[] key) => ProtectedData.Protect(key, null, DataProtectionScope.LocalMachine);

    [SupportedOSPlatform("windows")]
    private static byte[] Unprotect(byte[] stored) => ProtectedData.Unprotect(stored, null, DataProtectionScope.LocalMachine);
}
