using System.Collections.Concurrent;
using System.Diagnostics;
using Gateway.Contracts.V1;
using Gateway.Drivers;
using Gateway.EndToEnd.Tests.Sessions;
using Gateway.Mrz;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Capture = Gateway.Contracts.V1.Capture;
using CaptureKind = Gateway.Contracts.V1.CaptureKind;
using MrzFormat = Gateway.Mrz.MrzFormat;
using StatusCode = Grpc.Core.StatusCode;

namespace Gateway.EndToEnd.Tests.Telemetry;

/// <summary>
/// The real gateway's telemetry: a booth session and a rejected document with the specimen traveller, scraped from the
/// real Prometheus endpoint over HTTP and traced into a collecting processor. The expected counts appear; none of the
/// traveller's personal values does, anywhere.
/// </summary>
/// <remarks>
/// Alone, never beside other tests: a meter provider listens to every meter named <c>Gateway</c> in the process, so the
/// gateways other tests run at the same time would add their captures to these counts (a booth runs one gateway per process).
/// </remarks>
[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task SessionAndRejectedDocument_MetricsAndTracesCountThemAndHoldNoPersonalData()
    {
        var reader = new ScriptedReaderFactory();
        var spans = new ConcurrentQueue<Activity>();
        await using var gateway = await RunningGateway.StartAsync(
            [
                RunningGateway.Device("doc-1", "scripted-document", new { }),
                RunningGateway.Device("camera-1", "simulated-camera"),
                RunningGateway.Device("fingers-1", "simulated-fingerprint"),
            ],
            builder =>
            {
                builder.Services.AddSingleton<IDriverFactory>(reader);
                // The test's trace exporter: the gateway's own sources and gRPC server calls, collected as they end.
                builder.Services.AddOpenTelemetry().WithTracing(t => t.AddProcessor(new Collecting(spans)));
            },
            "--Gateway:Telemetry:PostId", "post-test-1",
            "--Gateway:Telemetry:BoothId", "booth-pc-7");
        Assert.NotNull(gateway.MetricsAddress);
        var birth = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-41).AddDays(-17);
        var mrz = Specimen(birth);
        var corrupt = (string[])mrz.Clone();
        // The birth date's check digit, changed: the document is rejected by mrz.check_digit.date_of_birth.
        corrupt[1] = corrupt[1][..19] + (corrupt[1][19] == '0' ? '1' : '0') + corrupt[1][20..];

        var captures = new CaptureService.CaptureServiceClient(gateway.Channel);
        var watch = captures.WatchCaptures(new WatchCapturesRequest(), cancellationToken: Timeout);
        var record = await RunSession(gateway, reader, new DocumentPayload(mrz));
        await reader.Feed.Writer.WriteAsync(new DocumentPayload(corrupt));
        var streamed = new List<Capture>();
        while (streamed.Count(c => c.Kind is CaptureKind.Record or CaptureKind.Document) < 3)
        {
            Assert.True(await watch.ResponseStream.MoveNext(Timeout));
            streamed.Add(watch.ResponseStream.Current);
        }

        var rejected = Assert.Single(streamed, c => c.Kind == CaptureKind.Document && !c.Verified);
        await captures.AcknowledgeAsync(new AcknowledgeRequest { CaptureIds = { streamed.Take(1).Select(c => c.Id) } }, cancellationToken: Timeout);

        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            captures.TriggerCaptureAsync(new TriggerCaptureRequest { DeviceId = "no-such-device" }, cancellationToken: Timeout).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);

        using var http = new HttpClient();
        var metrics = PrometheusText.Parse(await http.GetStringAsync(gateway.MetricsAddress, Timeout));

        // Captures by kind and outcome, the failed check by its name, the device states, latencies, sessions, journal.
        (string, string) doc = ("device", "doc-1");
        Assert.Equal(1, metrics.Value("gateway_captures_total", ("kind", "document"), ("outcome", "verified"), doc));
        Assert.Equal(1, metrics.Value("gateway_captures_total", ("kind", "document"), ("outcome", "rejected"), doc));
        Assert.Equal(1, metrics.Value("gateway_captures_total", ("kind", "portrait"), ("outcome", "not_verified"), ("device", "camera-1")));
        Assert.Equal(1, metrics.Value("gateway_captures_total", ("kind", "fingerprint"), ("device", "fingers-1")));
        Assert.Equal(1, metrics.Value("gateway_captures_total", ("kind", "record"), ("outcome", "verified")));
        Assert.DoesNotContain("booth-7", metrics.Text, StringComparison.Ordinal);
        Assert.Equal(1, metrics.Value("gateway_capture_check_failures_total", ("check", "mrz.check_digit.date_of_birth"), ("kind", "document")));
        Assert.DoesNotContain(metrics.Samples, s => s.Name == "gateway_capture_check_failures_total" && s.Labels["check"] == "mrz.check_digit.document_number");
        Assert.Equal(1, metrics.Value("gateway_device_state", ("device", "doc-1"), ("driver", "scripted-document"), ("state", "ready")));
        Assert.Equal(0, metrics.Value("gateway_device_state", ("device", "doc-1"), ("state", "faulted")));
        Assert.Equal(1, metrics.Value("gateway_device_state", ("device", "camera-1"), ("driver", "simulated-camera"), ("state", "ready")));
        Assert.Equal(2, metrics.Value("gateway_capture_duration_seconds_count", ("kind", "document"), doc));
        Assert.Equal(2, metrics.Value("gateway_capture_duration_seconds_bucket", ("kind", "document"), doc, ("le", "+Inf")));
        Assert.True(metrics.Find("gateway_capture_duration_seconds_bucket", ("kind", "document"), doc).Count() > 10, "the histogram has its buckets");
        Assert.Equal(2, metrics.Value("gateway_capture_verification_duration_seconds_count", ("kind", "document")));
        Assert.Equal(1, metrics.Value("gateway_sessions_started_total"));
        Assert.Equal(1, metrics.Value("gateway_sessions_completed_total", ("verified", "true")));
        Assert.Equal(streamed.Count - 1, metrics.Value("gateway_journal_entries"));
        Assert.Equal(1, metrics.Value("gateway_capture_stream_clients"));
        // gRPC calls by method and the status the client got; and by route (ASP.NET Core's own meter, which sees HTTP 200 only).
        Assert.Equal(1, metrics.Value("gateway_grpc_calls_total", ("method", "/gateway.v1.CaptureService/Acknowledge"), ("status", "OK")));
        Assert.Equal(1, metrics.Value("gateway_grpc_calls_total", ("method", "/gateway.v1.CaptureService/TriggerCapture"), ("status", "NOT_FOUND")));
        Assert.Equal(1, metrics.Value("gateway_grpc_calls_total", ("method", "/gateway.v1.SessionService/RunSession"), ("status", "OK")));
        Assert.Contains(metrics.Samples, s => s.Name == "http_server_request_duration_seconds_count"
            && s.Labels.GetValueOrDefault("http_route") == "/gateway.v1.CaptureService/Acknowledge");
        // The resource, as Prometheus sees it: the service, the post and the booth PC from configuration.
        Assert.Equal(1, metrics.Value("target_info", ("service_name", "border-booth-gateway"), ("gateway_post_id", "post-test-1"), ("service_instance_id", "booth-pc-7")));

        // One trace per capture: the driver's report, its verification and journal write, and its delivery to the stream
        // client, which links to the streaming call.
        watch.Dispose();
        var capture = await Until(spans, s => s.OperationName == "capture" && (string?)s.GetTagItem("gateway.capture.id") == rejected.Id);
        Assert.Equal("rejected", capture.GetTagItem("gateway.capture.outcome"));
        Assert.Contains("mrz.check_digit.date_of_birth", Assert.IsType<string[]>(capture.GetTagItem("gateway.capture.failed_checks")));
        Assert.Contains(spans, s => s.OperationName == "capture.verify" && s.ParentSpanId == capture.SpanId);
        Assert.Contains(spans, s => s.OperationName == "capture.journal" && s.ParentSpanId == capture.SpanId);
        var delivery = await Until(spans, s => s.OperationName == "capture.deliver" && s.ParentSpanId == capture.SpanId);
        Assert.Equal((long)rejected.Sequence, delivery.GetTagItem("gateway.capture.sequence"));
        var call = await Until(spans, s => s.DisplayName.Contains("/gateway.v1.CaptureService/WatchCaptures", StringComparison.Ordinal));
        Assert.Equal(call.Context, Assert.Single(delivery.Links).Context);
        Assert.Contains(spans, s => s.DisplayName.Contains("/gateway.v1.SessionService/RunSession", StringComparison.Ordinal));

        // No personal value in any label (the resource's target_info included), span name, attribute, event or link.
        var fields = record.Document.Fields;
        Assert.Equal("ERIKSSON", fields.Surname);
        string[] personal =
        [
            fields.Surname, fields.GivenNames, "ANNA", fields.DocumentNumber, fields.BirthDate, mrz[0], mrz[1], corrupt[1],
            birth.ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture),
            .. ImageFragments(record.Portrait.Image.Data.ToByteArray()),
            .. ImageFragments(record.Fingerprints.Fingers[0].Image.Data.ToByteArray()),
        ];
        var traces = string.Join('\n', spans.Select(Describe));
        foreach (var value in personal)
        {
            Assert.False(metrics.Text.Contains(value, StringComparison.OrdinalIgnoreCase), $"the metrics hold '{value}'");
            Assert.False(traces.Contains(value, StringComparison.OrdinalIgnoreCase), $"the traces hold '{value}'");
        }
    }

    [Fact]
    public async Task OtlpOverHttp_PushesMetricsAndTracesWithItsHeadersAndNoPersonalData()
    {
        // An OTLP/HTTP receiver on loopback: it keeps every request and answers with an empty export response.
        var received = new ConcurrentQueue<(string Path, string? ApiKey, string? ContentType, byte[] Body)>();
        var collector = WebApplication.CreateSlimBuilder();
        // Not the gateway's appsettings.json beside the tests (its Kestrel section is the gRPC endpoint, HTTP/2 only).
        collector.Configuration.Sources.Clear();
        collector.Configuration.AddInMemoryCollection();
        collector.Logging.ClearProviders();
        collector.WebHost.UseUrls("http://127.0.0.1:0");
        await using var receiver = collector.Build();
        receiver.MapPost("/otlp/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            received.Enqueue((context.Request.Path, context.Request.Headers["api-key"], context.Request.ContentType, body.ToArray()));
            context.Response.ContentType = "application/x-protobuf";
        });
        await receiver.StartAsync(Timeout);

        var reader = new ScriptedReaderFactory();
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("doc-1", "scripted-document", new { })],
            builder => builder.Services.AddSingleton<IDriverFactory>(reader),
            "--Gateway:Telemetry:PrometheusUrl", string.Empty,
            "--Gateway:Telemetry:Otlp:Endpoint", receiver.Urls.Single() + "/otlp",
            "--Gateway:Telemetry:Otlp:Protocol", "http",
            "--Gateway:Telemetry:Otlp:Headers", "api-key=post-7-key",
            "--Gateway:Telemetry:Otlp:Interval", "00:00:01");
        Assert.Null(gateway.MetricsAddress);
        var mrz = Specimen(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-30));
        using var watch = new CaptureService.CaptureServiceClient(gateway.Channel).WatchCaptures(new WatchCapturesRequest(), cancellationToken: Timeout);
        await reader.Feed.Writer.WriteAsync(new DocumentPayload(mrz));
        Assert.True(await watch.ResponseStream.MoveNext(Timeout));

        // Protobuf carries strings as UTF-8 bytes: names of metrics and spans are found as they are, and so would be
        // any personal value.
        static bool Holds(byte[] body, string text) => body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;
        var metrics = await Until(received, r => r.Path == "/otlp/v1/metrics" && Holds(r.Body, "gateway.captures"));
        var traces = await Until(received, r => r.Path == "/otlp/v1/traces" && Holds(r.Body, "capture.journal"));
        foreach (var request in new[] { metrics, traces })
        {
            Assert.Equal("post-7-key", request.ApiKey);
            Assert.Equal("application/x-protobuf", request.ContentType);
            Assert.True(Holds(request.Body, "border-booth-gateway"), "the resource names the service");
        }

        foreach (var request in received)
        {
            foreach (var value in new[] { "ERIKSSON", "ANNA", "L898902C3", mrz[0], mrz[1] })
            {
                Assert.False(Holds(request.Body, value), $"{request.Path} carries '{value}'");
            }
        }
    }

    [Theory]
    [InlineData("http://0.0.0.0:9464/metrics")]
    [InlineData("http://192.0.2.10:9464/metrics")]
    [InlineData("http://booth-pc.example:9464/metrics")]
    public async Task ScrapeEndpointOffLoopback_WithoutConsent_GatewayRefusesToStart(string url)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            RunningGateway.StartAsync([RunningGateway.Device("camera-1", "simulated-camera")], "--Gateway:Telemetry:PrometheusUrl", url));
        Assert.Contains("Gateway:Telemetry:PrometheusUrl", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Gateway:Telemetry:AllowRemote", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScrapeEndpointOnAllAddresses_WithConsent_ServesMetrics()
    {
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("camera-1", "simulated-camera")],
            "--Gateway:Telemetry:PrometheusUrl", "http://0.0.0.0:0/metrics",
            "--Gateway:Telemetry:AllowRemote", "true");
        Assert.NotNull(gateway.MetricsAddress);
        using var http = new HttpClient();
        var metrics = PrometheusText.Parse(await http.GetStringAsync(new UriBuilder(gateway.MetricsAddress) { Host = "127.0.0.1" }.Uri, Timeout));
        Assert.Contains(metrics.Samples, s => s.Name == "gateway_device_state" && s.Labels["device"] == "camera-1");
    }

    [Fact]
    public async Task FailingDevice_FaultsAndReconnectsAreCountedWithTheirReasonCode()
    {
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("throws-1", "test-throws", new { })],
            builder => builder.Services.AddSingleton<IDriverFactory>(new ThrowingReaderFactory()));
        using var http = new HttpClient();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // The driver fails at every start; the supervisor restarts it after 50 ms, then 100 ms, 200 ms, …
        var metrics = PrometheusText.Parse(await http.GetStringAsync(gateway.MetricsAddress, deadline.Token));
        while (metrics.Find("gateway_device_reconnects_total", ("device", "throws-1")).Sum(s => s.Value) < 2)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
            metrics = PrometheusText.Parse(await http.GetStringAsync(gateway.MetricsAddress, deadline.Token));
        }

        (string, string) device = ("device", "throws-1"), driver = ("driver", "test-throws");
        var reconnects = metrics.Value("gateway_device_reconnects_total", device, driver);
        var faults = metrics.Value("gateway_device_faults_total", device, driver, ("reason", "test.start_failed"));
        // Every restart follows a fault; the newest fault may still be waiting for its restart.
        Assert.InRange(faults, reconnects, reconnects + 1);
        Assert.Equal(1, metrics.Find("gateway_device_state", device).Sum(s => s.Value));
        Assert.Equal(0, metrics.Value("gateway_device_state", device, ("state", "ready")));
    }

    [Fact]
    public async Task ScrapePortTaken_GatewayRunsWithoutTheEndpoint()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("camera-1", "simulated-camera")], "--Gateway:Telemetry:PrometheusUrl", $"http://127.0.0.1:{port}/metrics");
        Assert.Null(gateway.MetricsAddress);
        var devices = await new DeviceService.DeviceServiceClient(gateway.Channel).ListDevicesAsync(new ListDevicesRequest(), cancellationToken: Timeout);
        Assert.Equal("camera-1", Assert.Single(devices.Devices).Id);
    }

    [Fact]
    public async Task TelemetryDisabled_NoScrapeEndpoint()
    {
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("camera-1", "simulated-camera")], "--Gateway:Telemetry:Enabled", "false");
        Assert.Null(gateway.MetricsAddress);
    }

    private static string[] Specimen(DateOnly birth) => MrzGenerator.Generate(new MrzData
    {
        Format = MrzFormat.Td3,
        DocumentCode = "P",
        IssuingState = "UTO",
        Surname = "ERIKSSON",
        GivenNames = "ANNA MARIA",
        DocumentNumber = "L898902C3",
        Nationality = "UTO",
        DateOfBirth = birth,
        Sex = MrzSex.Female,
        DateOfExpiry = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(5),
    }).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Everything a span exports: names, tags, events with their tags, links with their tags, baggage.</summary>
    private static string Describe(Activity span) => string.Join(
        '\n',
        [
            span.OperationName, span.DisplayName, span.StatusDescription ?? string.Empty,
            .. span.TagObjects.Select(t => $"{t.Key}={Flatten(t.Value)}"),
            .. span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={Flatten(t.Value)}")),
            .. span.Links.SelectMany(l => l.Tags?.Select(t => $"link:{t.Key}={Flatten(t.Value)}") ?? []),
            .. span.Baggage.Select(b => $"{b.Key}={b.Value}"),
        ]);

    private static string Flatten(object? value) => value is System.Collections.IEnumerable list and not string
        ? string.Join(',', list.Cast<object?>())
        : value?.ToString() ?? string.Empty;

    /// <summary>Base64 of a stretch of the image at each alignment, as an attribute that carried the bytes would show them.</summary>
    private static IEnumerable<string> ImageFragments(byte[] image) =>
        Enumerable.Range(0, 3).Select(offset => Convert.ToBase64String(image, image.Length / 2 + offset, 48));

    /// <summary>Waits for a span to end or a request to arrive (both come on the gateway's threads).</summary>
    private static async Task<T> Until<T>(ConcurrentQueue<T> items, Func<T, bool> match)
    {
        using var ended = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            foreach (var item in items)
            {
                if (match(item))
                {
                    return item;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), ended.Token);
        }
    }

    private static async Task<TravellerRecord> RunSession(RunningGateway gateway, ScriptedReaderFactory reader, DocumentPayload document)
    {
        using var call = new SessionService.SessionServiceClient(gateway.Channel).RunSession(cancellationToken: Timeout);
        await call.RequestStream.WriteAsync(new SessionCommand { Start = new StartSession { BoothId = "booth-7" } });
        await UntilEvent(call, e => e.Step?.Step == SessionStep.Document);
        await reader.Feed.Writer.WriteAsync(document);
        await UntilEvent(call, e => e.Step?.Step == SessionStep.Portrait);
        await call.RequestStream.WriteAsync(new SessionCommand { Capture = new CaptureStep { Step = SessionStep.Portrait } });
        await UntilEvent(call, e => e.Step?.Step == SessionStep.Fingerprints);
        await call.RequestStream.WriteAsync(new SessionCommand { Capture = new CaptureStep() });
        await UntilEvent(call, e => e.Step?.Step == SessionStep.Review);
        await call.RequestStream.WriteAsync(new SessionCommand { Complete = new CompleteSession() });
        var completed = (await UntilEvent(call, e => e.Completed is not null)).Completed;
        Assert.False(await call.ResponseStream.MoveNext(Timeout), "The session's stream ends with its record.");
        return completed;
    }

    private static async Task<SessionEvent> UntilEvent(AsyncDuplexStreamingCall<SessionCommand, SessionEvent> call, Func<SessionEvent, bool> match)
    {
        while (await call.ResponseStream.MoveNext(Timeout))
        {
            if (match(call.ResponseStream.Current))
            {
                return call.ResponseStream.Current;
            }
        }

        throw new InvalidOperationException("The session ended before the awaited event.");
    }

    /// <summary>A document reader whose driver fails as soon as it starts, every time.</summary>
    private sealed class ThrowingReaderFactory : IDriverFactory
    {
        public string Name => "test-throws";

        public Drivers.DeviceClass DeviceClass => Drivers.DeviceClass.DocumentReader;

        public IReadOnlyList<DriverSettingError> Validate(Microsoft.Extensions.Configuration.IConfigurationSection settings) => [];

        public IDeviceDriver Create(string deviceId, Microsoft.Extensions.Configuration.IConfigurationSection settings) => new Throwing();

        private sealed class Throwing : IDocumentReader
        {
            public Task RunAsync(IDeviceContext context, CancellationToken cancellationToken) =>
                Task.FromException(new DeviceException("test.start_failed", "The test device never starts."));

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    /// <summary>Collects every span as it ends.</summary>
    private sealed class Collecting(ConcurrentQueue<Activity> spans) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => spans.Enqueue(data);
    }
}

/// <summary>Runs <see cref="TelemetryTests"/> when no other test runs.</summary>
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryTestsCollection;
