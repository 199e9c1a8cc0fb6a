using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.PageFolder;

/// <summary>Every log message of the page-folder driver; event ids 16xx. File names only: never images or their content.</summary>
internal static partial class Log
{
    [LoggerMessage(1600, LogLevel.Information, "Page folder {Folder} watched")]
    public static partial void Watching(ILogger logger, string folder);

    [LoggerMessage(1601, LogLevel.Information, "Page set {Scan} published ({Pages} pages)")]
    public static partial void Published(ILogger logger, string scan, int pages);

    [LoggerMessage(1602, LogLevel.Warning, "Page set {Scan} moved to failed/: {Reason}")]
    public static partial void Failed(ILogger logger, string scan, string reason);

    [LoggerMessage(1603, LogLevel.Information, "Page set {Scan} recovered from processing/ after a restart")]
    public static partial void Recovered(ILogger logger, string scan);
}
