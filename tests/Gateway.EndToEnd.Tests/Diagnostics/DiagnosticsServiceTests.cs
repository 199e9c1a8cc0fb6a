using Gateway.Contracts.V1;
using Gateway.Drivers;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.EndToEnd.Tests.Diagnostics;

/// <summary><c>gateway.v1.DiagnosticsService</c> against the real gateway on loopback, with simulated and scripted devices.</summary>
public sealed class DiagnosticsServiceTests
{
    // ICAO Doc 9303 Part 4 Appendix A: the TD3 specimen.
    private static readonly string[] Td3Specimen =
    [
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    ];

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    private static object[] SimulatedBooth =>
    [
        RunningGateway.Device("reader-1", "simulated-document"),
        RunningGateway.Device("camera-1", "simulated-camera"),
        RunningGateway.Device("fingerprint-1", "simulated-fingerprint"),
        RunningGateway.Device("barcode-1", "simulated-barcode"),
    ];

    private static async Task WaitUntilReadyAsync(RunningGateway gateway, CancellationToken cancellationToken)
    {
        var devices = new DeviceService.DeviceServiceClient(gateway.Channel);
        using var call = devices.WatchDevices(new WatchDevicesRequest(), cancellationToken: cancellationToken);
        var ready = new HashSet<string>();
        var all = (await devices.ListDevicesAsync(new ListDevicesRequest(), cancellationToken: cancellationToken)).Devices.Count;
        await foreach (var e in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            if (e.StateChanged?.Device is { State: Contracts.V1.DeviceState.Ready } device && ready.Add(device.Id) && ready.Count == all)
            {
                return;
            }
        }
    }

    [Fact]
    public async Task CheckHealth_SimulatedDevices_PassInternalAndExternal()
    {
        await using var gateway = await RunningGateway.StartAsync(SimulatedBooth);
        await WaitUntilReadyAsync(gateway, Timeout);
        var client = new DiagnosticsService.DiagnosticsServiceClient(gateway.Channel);

        foreach (var id in new[] { "reader-1", "camera-1", "fingerprint-1", "barcode-1" })
        {
            var internalResult = await client.CheckHealthAsync(new CheckHealthRequest { DeviceId = id, Level = HealthLevel.Internal }, cancellationToken: Timeout);
            var external = await client.CheckHealthAsync(new CheckHealthRequest { DeviceId = id, Level = HealthLevel.External }, cancellationToken: Timeout);

            Assert.Equal(HealthOutcome.Passed, internalResult.Outcome);
            Assert.Equal("READY", internalResult.Details["state"]);
            Assert.Equal(HealthOutcome.Passed, external.Outcome);
            Assert.Equal("health.ok", external.Code);
            Assert.False(string.IsNullOrWhiteSpace(external.Message));
            Assert.Contains("kind", external.Details.Keys);
        }

        // External checks publish nothing: no capture reached the stream.
        var statistics = await client.GetStatisticsAsync(new GetStatisticsRequest(), cancellationToken: Timeout);
        Assert.All(statistics.Devices, d => Assert.Equal(0ul, d.Captures));
    }

    [Fact]
    public async Task CheckHealth_CameraExternal_ReportsTheFrameSize()
    {
        await using var gateway = await RunningGateway.StartAsync([RunningGateway.Device("camera-1", "simulated-camera", new { IntervalSeconds = 0, Width = 200, Height = 260 })]);
        await WaitUntilReadyAsync(gateway, Timeout);

        var result = await new DiagnosticsService.DiagnosticsServiceClient(gateway.Channel)
            .CheckHealthAsync(new CheckHealthRequest { DeviceId = "camera-1", Level = HealthLevel.External }, cancellationToken: Timeout);

        Assert.Equal(HealthOutcome.Passed, result.Outcome);
        Assert.StartsWith("200x260", result.Details["image"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealth_UnknownDevice_IsNotFound()
    {
        await using var gateway = await RunningGateway.StartAsync(SimulatedBooth);
        var client = new DiagnosticsService.DiagnosticsServiceClient(gateway.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.CheckHealthAsync(new CheckHealthRequest { DeviceId = "no-such-device", Level = HealthLevel.Internal }, cancellationToken: Timeout));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("no-such-device", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealth_NoLevel_IsInvalidArgument()
    {
        await using var gateway = await RunningGateway.StartAsync(SimulatedBooth);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await new DiagnosticsService.DiagnosticsServiceClient(gateway.Channel).CheckHealthAsync(new CheckHealthRequest { DeviceId = "reader-1" }, cancellationToken: Timeout));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task CheckHealth_DriverWithItsOwnChecks_ReportsItsSelfTestAndBoundsAHangingCheck()
    {
        var reader = new CheckableReaderFactory();
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("acme-1", "checkable-document")], b => b.Services.AddSingleton<IDriverFactory>(reader));
        await WaitUntilReadyAsync(gateway, Timeout);
        var client = new DiagnosticsService.DiagnosticsServiceClient(gateway.Channel);

        var selfTest = await client.CheckHealthAsync(new CheckHealthRequest { DeviceId = "acme-1", Level = HealthLevel.Internal }, cancellationToken: Timeout);
        var hanging = await client.CheckHealthAsync(
            new CheckHealthRequest { DeviceId = "acme-1", Level = HealthLevel.External, Timeout = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(500)) },
            cancellationToken: Timeout);
        var afterwards = await client.CheckHealthAsync(new CheckHealthRequest { DeviceId = "acme-1", Level = HealthLevel.Internal }, cancellationToken: Timeout);

        Assert.Equal(HealthOutcome.Passed, selfTest.Outcome);
        Assert.Equal("acme.self_test", selfTest.Code);
        Assert.Equal("1234", selfTest.Details["lamp_hours"]);
        Assert.Contains("lamp and sensor self-test passed", selfTest.Message, StringComparison.Ordinal);
        Assert.Equal(HealthOutcome.Failed, hanging.Outcome);
        Assert.Equal("health.timeout", hanging.Code);
        Assert.InRange(hanging.Duration.ToTimeSpan(), TimeSpan.FromMilliseconds(450), TimeSpan.FromSeconds(10));
        Assert.Equal(HealthOutcome.Passed, afterwards.Outcome);
    }

    [Fact]
    public async Task CheckHealth_InteractiveOnAReaderThatCapturesByItself_PassesOnceADocumentIsPresented()
    {
        var reader = new CheckableReaderFactory();
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("acme-1", "checkable-document")], b => b.Services.AddSingleton<IDriverFactory>(reader));
        await WaitUntilReadyAsync(gateway, Timeout);
        var client = new DiagnosticsService.DiagnosticsServiceClient(gateway.Channel);

        var check = client.CheckHealthAsync(
            new CheckHealthRequest { DeviceId = "acme-1", Level = HealthLevel.Interactive, Timeout = Duration.FromTimeSpan(TimeSpan.FromSeconds(30)) },
            cancellationToken: Timeout).ResponseAsync;

        // The technician presents the specimen until the check has seen it (it may start waiting after the first one).
        for (var presented = 0; !check.IsCompleted && presented < 100; presented++)
        {
            await reader.Feed.Writer.WriteAsync(new DocumentPayload(Td3Specimen), Timeout);
            await Task.WhenAny(check, Task.Delay(TimeSpan.FromMilliseconds(200), Timeout));
        }

        var result = await check;
        Assert.Equal(HealthOutcome.Passed, result.Outcome);
        Assert.Equal("Document", result.Details["kind"]);
        Assert.NotEqual("0", result.Details["checks_passed"]);
        Assert.DoesNotContain("ERIKSSON", result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("L898902C3", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealth_InteractiveWhenNothingIsPresented_FailsAtItsTimeout()
    {
        var reader = new CheckableReaderFactory();
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("acme-1", "checkable-document")], b => b.Services.AddSingleton<IDriverFactory>(reader));
        await WaitUntilReadyAsync(gateway, Timeout);

        var result = await new DiagnosticsService.DiagnosticsServiceClient(gateway.Channel).CheckHealthAsync(
            new CheckHealthRequest { DeviceId = "acme-1", Level = HealthLevel.Interactive, Timeout = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(300)) },
            cancellationToken: Timeout);

        Assert.Equal(HealthOutcome.Failed, result.Outcome);
        Assert.Equal("health.timeout", result.Code);
    }

    [Fact]
    public async Task CheckHealth_InteractiveOnACameraThatCapturesOnCommand_PublishesTheCaptureAndPasses()
    {
        await using var gateway = await RunningGateway.StartAsync(SimulatedBooth);
        await WaitUntilReadyAsync(gateway, Timeout);
        using var watch = new CaptureService.CaptureServiceClient(gateway.Channel).WatchCaptures(new WatchCapturesRequest(), cancellationToken: Timeout);

        var result = await new DiagnosticsService.DiagnosticsServiceClient(gateway.Channel)
            .CheckHealthAsync(new CheckHealthRequest { DeviceId = "camera-1", Level = HealthLevel.Interactive }, cancellationToken: Timeout);

        Assert.Equal(HealthOutcome.Passed, result.Outcome);
        Assert.Equal("Portrait", result.Details["kind"]);
        Assert.True(await watch.ResponseStream.MoveNext(Timeout));
        Assert.Equal(result.Details["capture_id"], watch.ResponseStream.Current.Id);
    }

    [Fact]
    public async Task InjectCapture_SimulatedReaderWithSpecimenMrz_PublishesAVerifiedCapture()
    {
        await using var gateway = await RunningGateway.StartAsync(SimulatedBooth);
        await WaitUntilReadyAsync(gateway, Timeout);
        using var watch = new CaptureService.CaptureServiceClient(gateway.Channel).WatchCaptures(new WatchCapturesRequest(), cancellationToken: Timeout);
        var request = new InjectCaptureRequest { DeviceId = "reader-1" };
        request.MrzLines.AddRange(Td3Specimen);

        var capture = await new DiagnosticsService.DiagnosticsServiceClient(gateway.Channel).InjectCaptureAsync(request, cancellationToken: Timeout);

        Assert.Equal("reader-1", capture.DeviceId);
        Assert.Equal("L898902C3", capture.Document.Fields.DocumentNumber);
        Assert.True(await watch.ResponseStream.MoveNext(Timeout));
        Assert.Equal(capture.Id, watch.ResponseStream.Current.Id);
    }

    [Fact]
    public async Task InjectCapture_GeneratedPortraitFromTheSimulatedCamera_IsPublished()
    {
        await using var gateway = await RunningGateway.StartAsync(SimulatedBooth);
        await WaitUntilReadyAsync(gateway, Timeout);

        var capture = await new DiagnosticsService.DiagnosticsServiceClient(gateway.Channel)
            .InjectCaptureAsync(new InjectCaptureRequest { DeviceId = "camera-1", Kind = Contracts.V1.CaptureKind.Portrait }, cancellationToken: Timeout);

        Assert.Equal(Contracts.V1.CaptureKind.Portrait, capture.Kind);
        Assert.NotEqual(0, capture.Portrait.Image.Data.Length);
    }

    [Fact]
    public async Task InjectCapture_DeviceThatIsNotSimulated_IsFailedPrecondition()
    {
        var reader = new CheckableReaderFactory();
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("acme-1", "checkable-document"), RunningGateway.Device("camera-1", "simulated-camera")],
            b => b.Services.AddSingleton<IDriverFactory>(reader));
        var client = new DiagnosticsService.DiagnosticsServiceClient(gateway.Channel);
        var request = new InjectCaptureRequest { DeviceId = "acme-1" };
        request.MrzLines.AddRange(Td3Specimen);
        var wrongContent = new InjectCaptureRequest { DeviceId = "camera-1" };
        wrongContent.MrzLines.AddRange(Td3Specimen);

        var notSimulated = await Assert.ThrowsAsync<RpcException>(async () => await client.InjectCaptureAsync(request, cancellationToken: Timeout));
        var wrong = await Assert.ThrowsAsync<RpcException>(async () => await client.InjectCaptureAsync(wrongContent, cancellationToken: Timeout));

        Assert.Equal(StatusCode.FailedPrecondition, notSimulated.StatusCode);
        Assert.Contains("acme-1", notSimulated.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.FailedPrecondition, wrong.StatusCode);
    }

    [Fact]
    public async Task Statistics_CapturesFailuresAndRestarts_AreCountedAndSurviveARestartOfTheGateway()
    {
        var file = Path.Combine(Path.GetTempPath(), $"gateway-statistics-{Guid.NewGuid():N}.json");
        object[] devices =
        [
            RunningGateway.Device("reader-1", "simulated-document", new { IntervalSeconds = 0.05, FailAfterCaptures = 2 }),
            RunningGateway.Device("camera-1", "simulated-camera"),
        ];
        try
        {
            DeviceStatistics before;
            GetStatisticsResponse first;
            await using (var gateway = await RunningGateway.StartAsync(devices, "--Gateway:Diagnostics:StatisticsPath", file))
            {
                var client = new DiagnosticsService.DiagnosticsServiceClient(gateway.Channel);
                first = await WaitForAsync(client, s => s.Devices[0] is { Reconnects: >= 2, Captures: >= 4 } d && d.FailuresByReason.ContainsKey("simulated.injected_fault"));
                before = first.Devices[0];
            }

            Assert.True(File.Exists(file));
            Assert.False(File.Exists(file + ".tmp"));
            await using (var again = await RunningGateway.StartAsync(devices, "--Gateway:Diagnostics:StatisticsPath", file))
            {
                var after = await new DiagnosticsService.DiagnosticsServiceClient(again.Channel)
                    .GetStatisticsAsync(new GetStatisticsRequest { DeviceId = "reader-1" }, cancellationToken: Timeout);
                var reader = Assert.Single(after.Devices);

                Assert.Equal(first.Since, after.Since);
                Assert.True(reader.Captures >= before.Captures, $"{reader.Captures} captures after the restart, {before.Captures} before");
                Assert.True(reader.FailuresByReason["simulated.injected_fault"] >= before.FailuresByReason["simulated.injected_fault"]);
                Assert.True(reader.Reconnects >= before.Reconnects);
                Assert.Equal("simulated.injected_fault", reader.LastErrorCode);
                Assert.NotNull(reader.LastErrorAt);
                Assert.True(reader.TimeInState["READY"].ToTimeSpan() > TimeSpan.Zero);
                Assert.Equal("Simulated", reader.Identity.Vendor);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task WatchLogs_TailWithALevelFilter_ThenFollowsNewLines()
    {
        // A reader that fails after each capture and restarts: the gateway keeps writing lines about it.
        object[] devices = [RunningGateway.Device("reader-1", "simulated-document", new { IntervalSeconds = 0.05, FailAfterCaptures = 1 })];
        await using var gateway = await RunningGateway.StartAsync(devices, "--Logging:LogLevel:Gateway", "Information");
        var client = new DiagnosticsService.DiagnosticsServiceClient(gateway.Channel);
        await WaitForAsync(client, s => s.Devices[0].Reconnects >= 1);

        var information = await ReadAllAsync(client.WatchLogs(new WatchLogsRequest { Tail = 1000 }, cancellationToken: Timeout));
        var warnings = await ReadAllAsync(client.WatchLogs(new WatchLogsRequest { Tail = 1000, MinLevel = LogSeverity.Warning }, cancellationToken: Timeout));
        using var follow = client.WatchLogs(new WatchLogsRequest { Tail = 1, Follow = true, MinLevel = LogSeverity.Warning }, cancellationToken: Timeout);
        Assert.True(await follow.ResponseStream.MoveNext(Timeout));
        var tail = follow.ResponseStream.Current;
        Assert.True(await follow.ResponseStream.MoveNext(Timeout));
        var next = follow.ResponseStream.Current;

        Assert.Contains(information, l => l.Message.Contains("reader-1 is Ready", StringComparison.Ordinal) && l.Level == LogSeverity.Information);
        Assert.Contains(warnings, l => l.Message.Contains("simulated.injected_fault", StringComparison.Ordinal));
        Assert.All(warnings, l => Assert.True(l.Level >= LogSeverity.Warning));
        Assert.True(next.Level >= LogSeverity.Warning);
        Assert.True(next.Time.ToDateTimeOffset() >= tail.Time.ToDateTimeOffset());
        Assert.NotEqual(tail, next);
    }

    [Fact]
    public async Task GetSupportInfo_ReportsVersionsAndRedactsSecrets()
    {
        const string Secret = "tk-5f0c1e9a-only-in-this-test";
        await using var gateway = await RunningGateway.StartAsync(SimulatedBooth, "--Gateway:Diagnostics:TechnicianKey", Secret);

        var info = await new DiagnosticsService.DiagnosticsServiceClient(gateway.Channel).GetSupportInfoAsync(new GetSupportInfoRequest(), cancellationToken: Timeout);

        Assert.Contains(".NET", info.FrameworkDescription, StringComparison.Ordinal);
        Assert.NotEmpty(info.OsDescription);
        Assert.Equal(1u, info.DriverContract);
        Assert.Contains("Gateway:Diagnostics:TechnicianKey=***", info.Configuration);
        Assert.Contains("Gateway:Devices:0:Driver=simulated-document", info.Configuration);
        Assert.DoesNotContain(info.Configuration, l => l.Contains(Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(info.Configuration, l => l.StartsWith("PATH=", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<GetStatisticsResponse> WaitForAsync(DiagnosticsService.DiagnosticsServiceClient client, Func<GetStatisticsResponse, bool> condition)
    {
        var deadline = Timeout;
        while (true)
        {
            var statistics = await client.GetStatisticsAsync(new GetStatisticsRequest(), cancellationToken: deadline);
            if (condition(statistics))
            {
                return statistics;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline);
        }
    }

    private static async Task<List<LogEntry>> ReadAllAsync(AsyncServerStreamingCall<LogEntry> call)
    {
        using (call)
        {
            var lines = new List<LogEntry>();
            await foreach (var line in call.ResponseStream.ReadAllAsync(Timeout))
            {
                lines.Add(line);
            }

            return lines;
        }
    }
}
