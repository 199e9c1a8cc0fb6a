using System.Collections.Concurrent;
using Gateway.Drivers.Conformance;
using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.Sane.Tests;

/// <summary>A conformance context that also keeps the driver's log messages (to see scan progress).</summary>
internal sealed class LoggingContext : IDeviceContext, ILogger
{
    public ConformanceContext Inner { get; } = new("scanner-1");

    public ConcurrentQueue<(int EventId, string Message)> Messages { get; } = new();

    public string DeviceId => Inner.DeviceId;

    public TimeProvider TimeProvider => Inner.TimeProvider;

    public ILogger Logger => this;

    public void ReportState(DeviceState state) => Inner.ReportState(state);

    public void ReportIdentity(DeviceIdentity identity) => Inner.ReportIdentity(identity);

    public void ReportIncident(DeviceIncident incident) => Inner.ReportIncident(incident);

    public ValueTask PublishAsync(CaptureData capture, CancellationToken cancellationToken) => Inner.PublishAsync(capture, cancellationToken);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Messages.Enqueue((eventId.Id, formatter(state, exception)));
}
