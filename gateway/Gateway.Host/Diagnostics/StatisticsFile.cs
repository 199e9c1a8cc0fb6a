using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Host.Diagnostics;

/// <summary>What is kept of one device across restarts.</summary>
internal sealed class StoredDeviceStatistics
{
    public ulong Captures { get; set; }

    public ulong UnverifiedCaptures { get; set; }

    public Dictionary<string, ulong> Failures { get; set; } = [];

    public ulong Reconnects { get; set; }

    /// <summary>Seconds spent in each state (by contract state name), not counting the current, unfinished stay.</summary>
    public Dictionary<string, double> SecondsInState { get; set; } = [];

    public string LastErrorCode { get; set; } = string.Empty;

    public string LastError { get; set; } = string.Empty;

    public DateTimeOffset? LastErrorAt { get; set; }

    public string Vendor { get; set; } = string.Empty;

    public string Model { get; set; } = string.Empty;

    public string SerialNumber { get; set; } = string.Empty;

    public string Firmware { get; set; } = string.Empty;
}

/// <summary>The statistics file: every device's statistics and when keeping them began.</summary>
internal sealed class StoredStatistics
{
    public DateTimeOffset Since { get; set; }

    public Dictionary<string, StoredDeviceStatistics> Devices { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Reads and writes the statistics file; a write goes to a temporary file renamed over the old one.</summary>
internal static class StatisticsFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The stored statistics, or null when there is no file or it cannot be read (then keeping starts again).</summary>
    public static StoredStatistics? Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var stored = JsonSerializer.Deserialize<StoredStatistics>(stream, Json);
            if (stored is not null)
            {
                stored.Devices = new Dictionary<string, StoredDeviceStatistics>(stored.Devices, StringComparer.OrdinalIgnoreCase);
            }

            return stored;
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes atomically: a reader sees the old file or the new one, never half of one.</summary>
    public static void Write(string path, StoredStatistics statistics)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, statistics, Json);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
