using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Gateway.Contracts.V1;
using Gateway.Host.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Gateway.Benchmarks;

/// <summary>
/// What telemetry adds to one capture: every call the capture path makes into <see cref="GatewayTelemetry"/> (the
/// capture trace, verification and journal steps, the counters with their failed checks, the latency histograms, the
/// delivery to one stream client), with telemetry off (no listener: <c>Gateway:Telemetry:Enabled=false</c>), with
/// metrics read by a reader (what the Prometheus endpoint costs per capture; a scrape itself is not per capture), and
/// with metrics and traces exported in batches (OTLP on; the exporter here discards, so the network is not measured).
/// </summary>
[MemoryDiagnoser]
public class TelemetryOverheadBenchmark
{
    private readonly Capture _capture = new()
    {
        Id = Guid.CreateVersion7().ToString(),
        Sequence = 42,
        DeviceId = "reader-1",
        Kind = CaptureKind.Document,
        Checks =
        {
            new VerificationCheck { Name = "mrz.structure", Outcome = CheckOutcome.Passed },
            new VerificationCheck { Name = "mrz.check_digit.document_number", Outcome = CheckOutcome.Passed },
            new VerificationCheck { Name = "mrz.check_digit.date_of_birth", Outcome = CheckOutcome.Failed },
            new VerificationCheck { Name = "mrz.check_digit.date_of_expiry", Outcome = CheckOutcome.Passed },
            new VerificationCheck { Name = "mrz.check_digit.composite", Outcome = CheckOutcome.Failed },
        },
    };

    private ServiceProvider _services = null!;
    private MeterProvider? _metrics;
    private TracerProvider? _traces;
    private GatewayTelemetry _telemetry = null!;

    /// <summary>off, metrics, or metrics+traces.</summary>
    [Params("off", "metrics", "metrics+traces")]
    public string Telemetry { get; set; } = "off";

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        _telemetry = new GatewayTelemetry(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        if (Telemetry != "off")
        {
            _metrics = Sdk.CreateMeterProviderBuilder()
                .AddMeter(GatewayTelemetry.Name)
                .AddReader(new PeriodicExportingMetricReader(new Discard<Metric>(), exportIntervalMilliseconds: 60_000))
                .Build();
        }

        if (Telemetry == "metrics+traces")
        {
            _traces = Sdk.CreateTracerProviderBuilder()
                .AddSource(GatewayTelemetry.Name)
                .AddProcessor(new BatchActivityExportProcessor(new Discard<Activity>()))
                .Build();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _traces?.Dispose();
        _metrics?.Dispose();
        _services.Dispose();
    }

    [Benchmark]
    public void OneCapture()
    {
        using (var trace = _telemetry.StartCapture("reader-1", "simulated-document"))
        {
            var verifying = Stopwatch.GetTimestamp();
            using (GatewayTelemetry.StartVerification())
            {
            }

            _telemetry.Verified(_capture.Kind, verifying);
            _telemetry.Follow(_capture);
            using (GatewayTelemetry.StartJournalWrite())
            {
            }

            _telemetry.Published(_capture, journaled: true);
            trace?.Published(_capture);
        }

        using (_telemetry.StartDelivery(_capture))
        {
        }
    }

    private sealed class Discard<T> : BaseExporter<T>
        where T : class
    {
        public override ExportResult Export(in Batch<T> batch) => ExportResult.Success;
    }
}
