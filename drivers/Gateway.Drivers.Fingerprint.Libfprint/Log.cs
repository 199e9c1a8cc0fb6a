using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.Fingerprint.Libfprint;

/// <summary>Every log message of the libfprint driver; event ids 14xx. Images are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(1400, LogLevel.Information, "libfprint reader open: driver {Driver}, {Name}")]
    public static partial void DeviceOpened(ILogger logger, string driver, string name);

    [LoggerMessage(1401, LogLevel.Information, "libfprint asked for another try ({Code})")]
    public static partial void Retry(ILogger logger, string code);

    [LoggerMessage(1402, LogLevel.Warning, "libfprint reader failed: {Code}")]
    public static partial void DeviceFailed(ILogger logger, string code);

    [LoggerMessage(1403, LogLevel.Error, "libfprint did not answer within {Seconds} s while the reader was being closed; the fingerprint library may be stuck, and libfprint readers stay unavailable until the gateway restarts")]
    public static partial void CloseTimedOut(ILogger logger, int seconds);
}
