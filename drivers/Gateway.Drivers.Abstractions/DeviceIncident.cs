namespace Gateway.Drivers;

/// <summary>
/// Something a running device met that did not stop it but that a technician should see: a torn or garbled frame, a
/// frame that failed its block check, a read that timed out. Reported through <see cref="IDeviceContext.ReportIncident"/>.
/// </summary>
/// <param name="Code">A stable dotted code, e.g. <c>frame.block_check</c>. The host shows its own English or French text
/// for the codes it knows and <paramref name="Detail"/> for the others.</param>
/// <param name="Detail">A technical sentence in English for logs and technicians; never personal data (no MRZ text).</param>
/// <param name="Severity">Warning (the device goes on) or error (something was lost, e.g. an incomplete document).</param>
public sealed record DeviceIncident(string Code, string Detail, IncidentSeverity Severity = IncidentSeverity.Warning);

/// <summary>How serious a <see cref="DeviceIncident"/> is.</summary>
public enum IncidentSeverity
{
    /// <summary>The device recovered by itself and nothing was lost.</summary>
    Warning = 1,

    /// <summary>Something was lost (a document read only in part) or needs a person.</summary>
    Error = 2,
}
