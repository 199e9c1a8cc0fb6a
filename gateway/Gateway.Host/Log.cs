using Gateway.Contracts.V1;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Gateway.Host;

/// <summary>
/// Every log message of the host. Event ids by area: 1xx devices, 2xx captures, 3xx gRPC, 8xx diagnostics, 9xx start-up.
/// Personal data (names, document numbers, MRZ text, images) is never logged: captures are named by id and sequence.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Information, "Device {DeviceId} is {State} {ReasonCode}")]
    public static partial void DeviceStateChanged(ILogger logger, string deviceId, Drivers.DeviceState state, string reasonCode);

    [LoggerMessage(103, LogLevel.Debug, "Device {DeviceId} is {State}")]
    public static partial void DeviceBusyChanged(ILogger logger, string deviceId, Drivers.DeviceState state);

    [LoggerMessage(101, LogLevel.Warning, "Device {DeviceId} failed ({Code}); restarting in {DelaySeconds} s")]
    public static partial void DeviceFaulted(ILogger logger, string deviceId, string code, double delaySeconds, Exception exception);

    [LoggerMessage(102, LogLevel.Warning, "Device {DeviceId}: disposing its driver failed")]
    public static partial void DriverDisposeFailed(ILogger logger, string deviceId, Exception exception);

    [LoggerMessage(104, LogLevel.Warning, "Device {DeviceId} incident {Code} ({Severity}): {Detail}")]
    public static partial void DeviceIncident(ILogger logger, string deviceId, string code, Drivers.IncidentSeverity severity, string detail);

    [LoggerMessage(400, LogLevel.Information, "Seal trust store {Folder}: {Cscas} CSCA and {Signers} signer certificates")]
    public static partial void TrustStoreLoaded(ILogger logger, string folder, int cscas, int signers);

    [LoggerMessage(401, LogLevel.Warning, "Seal trust store: {Path} skipped: {Reason}")]
    public static partial void TrustStoreProblem(ILogger logger, string path, string reason);

    [LoggerMessage(105, LogLevel.Error, "Device {DeviceId}: its driver did not stop within {Seconds} s; the device is out of service")]
    public static partial void DriverStopTimeout(ILogger logger, string deviceId, double seconds);

    [LoggerMessage(500, LogLevel.Information, "Driver package {Id} {Version} loaded from {Folder}: {Drivers}")]
    public static partial void DriverPackageLoaded(ILogger logger, string id, string version, string folder, string drivers);

    [LoggerMessage(501, LogLevel.Error, "Driver package {Id} in {Folder} is malfunctioned ({ReasonCode}): {Reason}")]
    public static partial void DriverPackageMalfunctioned(ILogger logger, string id, string folder, string reasonCode, string reason);

    [LoggerMessage(600, LogLevel.Information, "Session {SessionId} opened by booth {BoothId} with {Devices} devices")]
    public static partial void SessionOpened(ILogger logger, string sessionId, string boothId, int devices);

    [LoggerMessage(601, LogLevel.Information, "Session {SessionId} ended")]
    public static partial void SessionEnded(ILogger logger, string sessionId);

    [LoggerMessage(602, LogLevel.Information, "Record {RecordId} of session {SessionId} published (verified: {Verified})")]
    public static partial void RecordPublished(ILogger logger, string recordId, string sessionId, bool verified);

    [LoggerMessage(200, LogLevel.Debug, "Capture {CaptureId} #{Sequence} from {DeviceId} ({Kind})")]
    public static partial void CapturePublished(ILogger logger, string captureId, ulong sequence, string deviceId, CaptureKind kind);

    [LoggerMessage(201, LogLevel.Warning, "{Count} unacknowledged captures purged from the journal to stay within Gateway:Captures:RetainCount / RetainMegabytes")]
    public static partial void CapturesDropped(ILogger logger, int count);

    [LoggerMessage(202, LogLevel.Warning, "{Count} capture subscribers fell behind at sequence {Sequence} and were ended; they resume on reconnect")]
    public static partial void SubscribersLagging(ILogger logger, int count, ulong sequence);

    [LoggerMessage(250, LogLevel.Information, "Capture journal open: {Count} entries held, last sequence {Sequence}")]
    public static partial void JournalOpened(ILogger logger, long count, ulong sequence);

    [LoggerMessage(251, LogLevel.Error, "Capture {CaptureId} #{Sequence} could not be written to the journal (SQLite error {Code}/{ExtendedCode}: disk full or I/O error); it was delivered live but is not durable")]
    public static partial void JournalWriteFailed(ILogger logger, string captureId, ulong sequence, int code, int extendedCode);

    [LoggerMessage(252, LogLevel.Warning, "{Count} unacknowledged captures older than {RetainFor} purged from the journal (Gateway:Journal:RetainFor)")]
    public static partial void JournalExpired(ILogger logger, int count, TimeSpan retainFor);

    [LoggerMessage(253, LogLevel.Warning, "Journal entry #{Sequence} ({CaptureId}) failed its integrity check and is skipped")]
    public static partial void JournalEntryCorrupt(ILogger logger, long sequence, string captureId);

    [LoggerMessage(254, LogLevel.Warning, "Journal entry #{Sequence}, the newest, was torn or corrupted and has been dropped")]
    public static partial void JournalEntryDropped(ILogger logger, long sequence);

    [LoggerMessage(255, LogLevel.Error, "The capture journal could not be read (SQLite error {Code}); it was moved to {Path} and a new one started")]
    public static partial void JournalUnreadable(ILogger logger, string path, int code);

    [LoggerMessage(300, LogLevel.Information, "Capture stream opened by {Peer} after sequence {AfterSequence}")]
    public static partial void WatchStarted(ILogger logger, string peer, ulong afterSequence);

    [LoggerMessage(301, LogLevel.Information, "Capture stream of {Peer} closed")]
    public static partial void WatchEnded(ILogger logger, string peer);

    [LoggerMessage(800, LogLevel.Warning, "Device statistics file {Path} cannot be read; statistics start again")]
    public static partial void StatisticsUnreadable(ILogger logger, string path);

    [LoggerMessage(801, LogLevel.Warning, "Device statistics could not be saved to {Path}")]
    public static partial void StatisticsNotSaved(ILogger logger, string path, Exception exception);

    [LoggerMessage(802, LogLevel.Information, "Diagnostics page on {Url} ({Mode})")]
    public static partial void DiagnosticsPageListening(ILogger logger, string url, string mode);

    [LoggerMessage(803, LogLevel.Error, "Diagnostics page could not listen on {Url}; the gateway runs without it")]
    public static partial void DiagnosticsPageFailed(ILogger logger, string url, Exception exception);

    [LoggerMessage(850, LogLevel.Information, "Prometheus metrics endpoint listening on {Url}")]
    public static partial void MetricsEndpointListening(ILogger logger, string url);

    [LoggerMessage(851, LogLevel.Error, "Prometheus metrics endpoint could not listen on {Url}; the gateway runs without it")]
    public static partial void MetricsEndpointFailed(ILogger logger, string url, Exception exception);

    [LoggerMessage(302, LogLevel.Error, "gRPC call {Method} failed")]
    public static partial void CallFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(900, LogLevel.Information, "Chip read on {DeviceId}: {Protocol}, verified {Verified}, {ElapsedMs:F0} ms")]
    public static partial void ChipRead(ILogger logger, string deviceId, Contracts.V1.ChipAccessProtocol protocol, bool verified, double elapsedMs);

    [LoggerMessage(901, LogLevel.Error, "Chip read on {DeviceId} failed unexpectedly")]
    public static partial void ChipReadFailed(ILogger logger, string deviceId, Exception exception);
}
