using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.Sane;

/// <summary>Every log message of the SANE driver; event ids 17xx. Images are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(1700, LogLevel.Information, "SANE {Version}: scanners found: {Devices}")]
    public static partial void DevicesFound(ILogger logger, string version, string devices);

    [LoggerMessage(1701, LogLevel.Information, "SANE scanner {Device} open ({Vendor} {Model})")]
    public static partial void Opened(ILogger logger, string device, string vendor, string model);

    [LoggerMessage(1702, LogLevel.Information, "SANE scan {Percent} % ({Bytes} bytes)")]
    public static partial void Progress(ILogger logger, int percent, long bytes);

    [LoggerMessage(1703, LogLevel.Information, "SANE scan done: {Width}x{Height} px, {Channels} channel(s), {Ppi} ppi")]
    public static partial void Scanned(ILogger logger, int width, int height, int channels, int ppi);

    [LoggerMessage(1704, LogLevel.Warning, "SANE scan failed: {Code}")]
    public static partial void ScanFailed(ILogger logger, string code);

    [LoggerMessage(1705, LogLevel.Warning, "SANE option {Option} not set: {Reason}")]
    public static partial void OptionNotSet(ILogger logger, string option, string reason);

    [LoggerMessage(1706, LogLevel.Error, "SANE did not answer within {Seconds} s while the scanner was being closed; a backend may be stuck in the scanner library, and SANE scanners stay unavailable until the gateway restarts")]
    public static partial void CloseTimedOut(ILogger logger, int seconds);
}
