using Gateway.Contracts.V1;
using Gateway.Host.Devices;
using Gateway.Host.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Gateway.Host.Grpc;

/// <summary><c>gateway.v1.DiagnosticsService</c>: the technician's health checks, statistics, logs and simulated captures.</summary>
internal sealed class DiagnosticsGrpcService(
    DeviceRegistry registry,
    HealthChecker health,
    StatisticsRecorder statistics,
    LogBuffer logs,
    CaptureInjector injector,
    SupportInformation support,
    DiagnosticsTexts texts)
    : DiagnosticsService.DiagnosticsServiceBase
{
    private const int DefaultTail = 100;

    public override Task<HealthResult> CheckHealth(CheckHealthRequest request, ServerCallContext context)
    {
        if (request.Level is HealthLevel.Unspecified || !System.Enum.IsDefined(request.Level))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, texts.Format("Health_LevelMissing")));
        }

        return health.CheckAsync(request.DeviceId, request.Level, request.Timeout?.ToTimeSpan(), context.CancellationToken);
    }

    public override Task<GetStatisticsResponse> GetStatistics(GetStatisticsRequest request, ServerCallContext context)
    {
        var ids = string.IsNullOrEmpty(request.DeviceId)
            ? registry.Devices.Select(d => d.DeviceId)
            : [registry.Get(request.DeviceId).DeviceId];
        var response = new GetStatisticsResponse { Since = Timestamp.FromDateTimeOffset(statistics.Since) };
        response.Devices.AddRange(statistics.Snapshot(ids));
        return Task.FromResult(response);
    }

    public override async Task WatchLogs(WatchLogsRequest request, IServerStreamWriter<LogEntry> responseStream, ServerCallContext context)
    {
        var minimum = request.MinLevel == Contracts.V1.LogSeverity.Unspecified ? LogLevel.Information : (LogLevel)((int)request.MinLevel - 1);
        var tail = request.Tail == 0 ? DefaultTail : (int)Math.Min(request.Tail, int.MaxValue);
        if (!request.Follow)
        {
            foreach (var line in logs.Tail(tail, minimum))
            {
                await responseStream.WriteAsync(ToContract(line));
            }

            return;
        }

        var (lines, live) = logs.Watch(tail, minimum, context.CancellationToken);
        foreach (var line in lines)
        {
            await responseStream.WriteAsync(ToContract(line));
        }

        await foreach (var line in live.ReadAllAsync(context.CancellationToken))
        {
            if (line.Level >= minimum)
            {
                await responseStream.WriteAsync(ToContract(line));
            }
        }
    }

    public override Task<Capture> InjectCapture(InjectCaptureRequest request, ServerCallContext context) =>
        injector.InjectAsync(request, context.CancellationToken);

    public override Task<SupportInfo> GetSupportInfo(GetSupportInfoRequest request, ServerCallContext context) =>
        Task.FromResult(support.Get());

    private static LogEntry ToContract(LogLine line) => new()
    {
        Time = Timestamp.FromDateTimeOffset(line.Time),
        Level = (Contracts.V1.LogSeverity)((int)line.Level + 1),
        Category = line.Category,
        EventId = line.EventId,
        Message = line.Message,
        Exception = line.Exception,
    };
}
