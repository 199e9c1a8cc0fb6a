using System.Reflection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Gateway.Host.Telemetry;

/// <summary>
/// Registers the gateway's telemetry from <c>Gateway:Telemetry</c>: the Gateway meter with the .NET runtime and ASP.NET
/// Core (gRPC server) meters, read by the Prometheus endpoint and, when configured, pushed over OTLP; and capture traces
/// with the gRPC server calls, recorded only when an exporter wants them (OTLP, or a test's in-memory exporter).
/// </summary>
internal static class TelemetryRegistration
{
    /// <summary>The <c>service.name</c> every booth reports.</summary>
    public const string ServiceName = "border-booth-gateway";

    public static void AddGatewayTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(TelemetryOptions.Section);
        services.AddOptions<TelemetryOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        services.AddSingleton<GatewayTelemetry>();

        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        // Invalid settings configure nothing here: the start then stops with the validator's errors.
        if (!options.Enabled || !new TelemetryOptionsValidator().Validate(null, options).Succeeded)
        {
            return;
        }

        services.AddHostedService<GatewayObservations>();
        services.AddSingleton<PrometheusEndpoint>();
        services.AddHostedService(sp => sp.GetRequiredService<PrometheusEndpoint>());

        var otlp = options.Otlp.Endpoint.Length > 0 ? options.Otlp : null;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => Describe(resource, options))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(GatewayTelemetry.Name, "System.Runtime").AddAspNetCoreInstrumentation();
                if (options.PrometheusUrl.Length > 0)
                {
                    // No response cache: a scrape shows the captures made just before it.
                    metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                }

                if (otlp is not null)
                {
                    metrics.AddOtlpExporter((exporter, reader) =>
                    {
                        Configure(exporter, otlp, "metrics");
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)otlp.Interval.TotalMilliseconds;
                    });
                }
            });

        // Sources for whichever tracer provider exists; none does without an exporter, so traces cost nothing then.
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .AddSource(GatewayTelemetry.Name)
            .AddAspNetCoreInstrumentation(o => o.Filter = IsGrpc));
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing.AddOtlpExporter(exporter => Configure(exporter, otlp, "traces")));
        }
    }

    /// <summary>The resource every metric and span carries: the service, its version, the post and booth.</summary>
    private static void Describe(ResourceBuilder resource, TelemetryOptions options)
    {
        var version = typeof(TelemetryRegistration).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        resource.AddService(
            ServiceName,
            serviceVersion: version,
            serviceInstanceId: options.BoothId.Length > 0 ? options.BoothId : null,
            autoGenerateServiceInstanceId: options.BoothId.Length == 0);
        if (options.PostId.Length > 0)
        {
            resource.AddAttributes([new("gateway.post.id", options.PostId)]);
        }
    }

    private static void Configure(OtlpExporterOptions exporter, OtlpOptions otlp, string signal)
    {
        var endpoint = new Uri(otlp.Endpoint);
        exporter.Protocol = otlp.Protocol == "http" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        // Set in code, the HTTP endpoint is used as given: the signal's path is added here.
        exporter.Endpoint = otlp.Protocol == "http" ? new Uri(endpoint, $"{endpoint.AbsolutePath.TrimEnd('/')}/v1/{signal}") : endpoint;
        exporter.Headers = otlp.Headers.Length > 0 ? otlp.Headers : null;
    }

    private static bool IsGrpc(HttpContext context) =>
        context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true;
}
