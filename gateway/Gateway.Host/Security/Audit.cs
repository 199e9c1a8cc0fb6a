namespace Gateway.Host.Security;

/// <summary>
/// The audit log, in its own logger category <c>Gateway.Audit</c> (route it to its own file or sink): who read or
/// acknowledged which capture or record, and which calls were refused. Ids, identities and addresses only — never
/// the personal data itself.
/// </summary>
internal sealed partial class Audit(ILoggerFactory loggers)
{
    /// <summary>The logger category of the audit log.</summary>
    public const string Category = "Gateway.Audit";

    private readonly ILogger _logger = loggers.CreateLogger(Category);

    /// <summary>A capture was sent to <paramref name="identity"/>.</summary>
    public void Read(string identity, string captureId, ulong sequence) => CaptureRead(_logger, identity, captureId, sequence);

    /// <summary><paramref name="identity"/> acknowledged a capture.</summary>
    public void Acknowledged(string identity, string captureId) => CaptureAcknowledged(_logger, identity, captureId);

    /// <summary>A traveller record was read by <paramref name="identity"/>.</summary>
    public void RecordRead(string identity, string recordId) => RecordFetched(_logger, identity, recordId);

    /// <summary>A call was refused.</summary>
    public void Denied(string method, string identity, string reason, string peer) => CallDenied(_logger, method, identity, reason, peer);

    [LoggerMessage(700, LogLevel.Information, "audit read capture={CaptureId} sequence={Sequence} by={Identity}")]
    private static partial void CaptureRead(ILogger logger, string identity, string captureId, ulong sequence);

    [LoggerMessage(701, LogLevel.Information, "audit ack capture={CaptureId} by={Identity}")]
    private static partial void CaptureAcknowledged(ILogger logger, string identity, string captureId);

    [LoggerMessage(702, LogLevel.Information, "audit read record={RecordId} by={Identity}")]
    private static partial void RecordFetched(ILogger logger, string identity, string recordId);

    [LoggerMessage(703, LogLevel.Warning, "audit denied method={Method} by={Identity} reason={Reason} peer={Peer}")]
    private static partial void CallDenied(ILogger logger, string method, string identity, string reason, string peer);
}
