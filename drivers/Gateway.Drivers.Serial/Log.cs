using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.Serial;

/// <summary>
/// Every log message of the serial driver; event ids 11xx. Frame contents (MRZ text, barcode data) are never logged.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1100, LogLevel.Information, "Serial port {Port} open ({BaudRate} bd, profile {Profile})")]
    public static partial void PortOpened(ILogger logger, string port, int baudRate, string profile);

    [LoggerMessage(1101, LogLevel.Information, "Serial port {Port} has no {Lines} line (a pseudo-terminal or a bare adapter); not set")]
    public static partial void ControlLinesSkipped(ILogger logger, string port, string lines);

    [LoggerMessage(1102, LogLevel.Warning, "Serial port {Port} is gone: {Reason}")]
    public static partial void PortGone(ILogger logger, string port, string reason);

    [LoggerMessage(1103, LogLevel.Warning, "Serial port {Port} did not close in time; its handle is left to the finalizer")]
    public static partial void CloseTimedOut(ILogger logger, string port);
}
