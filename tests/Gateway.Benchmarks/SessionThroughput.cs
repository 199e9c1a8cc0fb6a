using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Gateway.Contracts.V1;
using Gateway.Host;
using Grpc.Core;
using Grpc.Net.Client;

namespace Gateway.Benchmarks;

/// <summary>
/// <c>session-throughput [COUNT]</c>: the real gateway with simulated devices that capture only on command, and one
/// booth client running COUNT traveller sessions back to back over gRPC (document, portrait, fingerprints, each
/// captured on command, then complete). Prints sessions per minute, and the median and p99 of the record latency: from
/// the moment the client sent <c>complete</c> (right after the last capture arrived) to the record's arrival.
/// </summary>
/// <remarks>
/// Zero device latency means the simulated devices answer at once; what remains is the simulated devices' image
/// generation (a PNG portrait and a PNG finger per session) and the gateway itself.
/// </remarks>
internal static class SessionThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var devices = Path.Combine(Path.GetTempPath(), $"sessions-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(devices, JsonSerializer.Serialize(new[]
        {
            new { Id = "reader-1", Driver = "simulated-document", Settings = new { IntervalSeconds = 0 } },
            new { Id = "camera-1", Driver = "simulated-camera", Settings = new { IntervalSeconds = 0 } },
            new { Id = "fingerprint-1", Driver = "simulated-fingerprint", Settings = new { IntervalSeconds = 0 } },
        }));
        var app = GatewayApplication.Build(["--devices", devices, "--Kestrel:Endpoints:Grpc:Url", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning"]);
        await app.StartAsync();
        try
        {
            using var channel = GrpcChannel.ForAddress(app.Urls.Single());
            var client = new SessionService.SessionServiceClient(channel);
            for (var i = 0; i < 20; i++)
            {
                await RunOneAsync(client);
            }

            var latencies = new List<double>(count);
            var verified = 0;
            var total = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                var (latency, ok) = await RunOneAsync(client);
                latencies.Add(latency);
                verified += ok ? 1 : 0;
            }

            total.Stop();
            latencies.Sort();
            Console.WriteLine($"{count} sessions in {total.Elapsed.TotalSeconds:0.0} s = {count / total.Elapsed.TotalMinutes:0} sessions/minute ({verified} verified records)");
            Console.WriteLine($"record latency (complete sent → record received): median {latencies[count / 2]:0.00} ms, p99 {latencies[(int)Math.Ceiling(count * 0.99) - 1]:0.00} ms, max {latencies[^1]:0.00} ms");
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            File.Delete(devices);
        }
    }

    private static async Task<(double LatencyMs, bool Verified)> RunOneAsync(SessionService.SessionServiceClient client)
    {
        using var call = client.RunSession();
        await call.RequestStream.WriteAsync(new SessionCommand { Start = new StartSession { BoothId = "bench" } });
        var completeSent = 0L;
        var last = SessionStep.Unspecified;
        await foreach (var sessionEvent in call.ResponseStream.ReadAllAsync())
        {
            if (sessionEvent.Step is { } step && step.Step != last)
            {
                last = step.Step;
                if (step.Step == SessionStep.Review)
                {
                    completeSent = Stopwatch.GetTimestamp();
                    await call.RequestStream.WriteAsync(new SessionCommand { Complete = new CompleteSession() });
                }
                else
                {
                    await call.RequestStream.WriteAsync(new SessionCommand { Capture = new CaptureStep { Step = step.Step } });
                }
            }
            else if (sessionEvent.Completed is { } record)
            {
                return (Stopwatch.GetElapsedTime(completeSent).TotalMilliseconds, record.Verified);
            }
        }

        throw new InvalidOperationException("The session ended without a record.");
    }
}
