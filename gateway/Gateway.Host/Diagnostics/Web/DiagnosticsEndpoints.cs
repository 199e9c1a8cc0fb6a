using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gateway.Contracts.V1;
using Gateway.Host.Captures;
using Gateway.Host.Devices;
using Google.Protobuf;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Host.Diagnostics.Web;

/// <summary>
/// The page's files and its thin JSON endpoint. Answers are the protobuf JSON mapping of the gRPC contract's messages,
/// so the page and <c>gatewayctl</c> see the same data; live events and preview frames are Server-Sent Events.
/// Captures appear by kind and outcome only: no field of their content ever reaches the page.
/// </summary>
internal static class DiagnosticsEndpoints
{
    public const string KeyHeader = "X-Technician-Key";
    private const int PreviewWidth = 480;
    private const int PreviewQuality = 70;
    private static readonly TimeSpan PreviewInterval = TimeSpan.FromMilliseconds(200);
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static void Map(WebApplication app, IServiceProvider services, DiagnosticsOptions options)
    {
        var registry = services.GetRequiredService<DeviceRegistry>();
        var statistics = services.GetRequiredService<StatisticsRecorder>();
        var health = services.GetRequiredService<HealthChecker>();
        var events = services.GetRequiredService<DeviceEventHub>();
        var hub = services.GetRequiredService<CaptureHub>();
        var texts = services.GetRequiredService<DiagnosticsTexts>();
        var time = services.GetRequiredService<TimeProvider>();

        app.MapGet("/", () => File("index.html", "text/html; charset=utf-8"));
        app.MapGet("/app.js", () => File("app.js", "text/javascript; charset=utf-8"));
        app.MapGet("/app.css", () => File("app.css", "text/css; charset=utf-8"));

        app.MapGet("/api/info", (HttpContext http) => Results.Json(new
        {
            language = texts.Language,
            languages = DiagnosticsTexts.Languages,
            technicianKeyConfigured = options.TechnicianKey.Length > 0,
            technician = IsTechnician(http, options),
        }));

        app.MapGet("/api/texts", (string? lang) => Results.Json(DiagnosticsTexts.Page(lang ?? texts.Language)));

        app.MapGet("/api/devices", () =>
        {
            var devices = new ListDevicesResponse();
            devices.Devices.AddRange(registry.Devices.Select(d => d.Snapshot()));
            var stats = new GetStatisticsResponse { Since = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(statistics.Since) };
            stats.Devices.AddRange(statistics.Snapshot(registry.Devices.Select(d => d.DeviceId)));
            var previews = JsonSerializer.Serialize(registry.Devices.Where(d => d.Preview is not null).Select(d => d.DeviceId));
            return Results.Content(
                $"{{\"devices\":{Formatter.Format(devices)},\"statistics\":{Formatter.Format(stats)},\"previews\":{previews}}}",
                "application/json");
        });

        app.MapPost("/api/devices/{id}/health/{level}", async (string id, string level, string? lang, HttpContext http) =>
        {
            if (!Enum.TryParse<HealthLevel>(level, ignoreCase: true, out var parsed) || parsed == HealthLevel.Unspecified
                || !Enum.IsDefined(parsed))
            {
                return Results.Problem(texts.Format("Health_LevelMissing"), statusCode: StatusCodes.Status400BadRequest);
            }

            if (parsed != HealthLevel.Internal && !IsTechnician(http, options))
            {
                return Results.Problem(DiagnosticsTexts.Page(texts.Language)["ReadOnly"], statusCode: StatusCodes.Status403Forbidden);
            }

            try
            {
                var result = await health.CheckAsync(id, parsed, null, http.RequestAborted, lang is "fr" or "en" ? lang : null);
                return Results.Content(Formatter.Format(result), "application/json");
            }
            catch (DeviceNotFoundException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound);
            }
        });

        app.MapGet("/api/events", async (HttpContext http) =>
        {
            var cancellationToken = http.RequestAborted;
            await StartEventStream(http);
            var live = events.Watch(cancellationToken);
            using var captures = hub.Subscribe(hub.LastSequence);
            var writer = new SemaphoreSlim(1, 1);
            async Task Send(string name, string data)
            {
                await writer.WaitAsync(cancellationToken);
                try
                {
                    await http.Response.WriteAsync($"event: {name}\ndata: {data}\n\n", cancellationToken);
                    await http.Response.Body.FlushAsync(cancellationToken);
                }
                finally
                {
                    writer.Release();
                }
            }

            try
            {
                await Send("ready", "{}");
                await Task.WhenAll(
                    Task.Run(async () =>
                    {
                        await foreach (var deviceEvent in live.ReadAllAsync(cancellationToken))
                        {
                            await Send("device", Formatter.Format(deviceEvent));
                        }
                    }, cancellationToken),
                    Task.Run(async () =>
                    {
                        await foreach (var capture in captures.ReadAllAsync(cancellationToken))
                        {
                            await Send("capture", CaptureSummary(capture));
                        }
                    }, cancellationToken));
            }
            catch (Exception ex) when (ex is OperationCanceledException or SubscriberLaggingException or IOException)
            {
                // The page closed, or fell too far behind: its EventSource reconnects by itself.
            }
        });

        app.MapGet("/api/devices/{id}/preview", async (string id, HttpContext http) =>
        {
            DeviceSupervisor device;
            try
            {
                device = registry.Get(id);
            }
            catch (DeviceNotFoundException ex)
            {
                await Results.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound).ExecuteAsync(http);
                return;
            }

            var cancellationToken = http.RequestAborted;
            await StartEventStream(http);
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    if (device.Preview is not { } preview)
                    {
                        // Between restarts of the camera, or a device without a live view: wait for one.
                        await Task.Delay(PreviewInterval, time, cancellationToken);
                        continue;
                    }

                    var frames = preview.SubscribePreview(1, cancellationToken);
                    await foreach (var frame in frames.ReadAllAsync(cancellationToken))
                    {
                        var image = frame.EncodeJpeg(PreviewWidth, PreviewQuality);
                        var data = string.Create(CultureInfo.InvariantCulture,
                            $"{{\"number\":{frame.Number},\"width\":{image.Width},\"height\":{image.Height},\"jpeg\":\"{Convert.ToBase64String(image.Data.Span)}\"}}");
                        await http.Response.WriteAsync($"event: frame\ndata: {data}\n\n", cancellationToken);
                        await http.Response.Body.FlushAsync(cancellationToken);
                        await Task.Delay(PreviewInterval, time, cancellationToken);
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
            }
        });
    }

    /// <summary>A capture as the page may see it: which device, what kind, whether it passed — never its content.</summary>
    private static string CaptureSummary(Capture capture) => JsonSerializer.Serialize(new
    {
        sequence = capture.Sequence,
        deviceId = capture.DeviceId,
        kind = capture.Kind.ToString(),
        verified = capture.Verified,
        checksPassed = capture.Checks.Count(c => c.Outcome == CheckOutcome.Passed),
        checksFailed = capture.Checks.Count(c => c.Outcome == CheckOutcome.Failed),
        capturedAt = capture.CapturedAt?.ToDateTimeOffset(),
    });

    private static async Task StartEventStream(HttpContext http)
    {
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    private static bool IsTechnician(HttpContext http, DiagnosticsOptions options) =>
        options.TechnicianKey.Length > 0
        && http.Request.Headers[KeyHeader].ToString() is { Length: > 0 } given
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(options.TechnicianKey));

    private static IResult File(string name, string contentType)
    {
        var stream = typeof(DiagnosticsEndpoints).Assembly.GetManifestResourceStream("diagnostics/" + name)
            ?? throw new InvalidOperationException($"The page file {name} is not embedded.");
        return Results.Stream(stream, contentType);
    }
}
