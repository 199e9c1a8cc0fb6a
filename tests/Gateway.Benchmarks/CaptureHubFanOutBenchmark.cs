using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Gateway.Contracts.V1;
using Gateway.Host.Captures;
using Gateway.Host.Configuration;
using Gateway.Host.Journal;
using Google.Protobuf;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gateway.Benchmarks;

/// <summary>
/// The capture hub's fan-out: one producer publishes <see cref="Captures"/> captures, each carrying a 100 KB image,
/// journaled (encrypted, fsynced) and fanned out to <see cref="Subscribers"/> subscribers that each read every capture on their own task. One operation is one
/// capture delivered to every subscriber.
/// </summary>
[MemoryDiagnoser]
public class CaptureHubFanOutBenchmark
{
    private const int Captures = 1000;
    private readonly ByteString _image = ByteString.CopyFrom(new byte[100 * 1024]);

    [Params(50)]
    public int Subscribers { get; set; }

    [Benchmark(OperationsPerInvoke = Captures)]
    public async Task PublishToAllSubscribers()
    {
        // Buffers sized so no subscriber is ended as lagging: this measures delivery, not the lagging policy.
        var options = Options.Create(new GatewayOptions { Captures = new CaptureOptions { SubscriberBuffer = Captures, RetainCount = Captures } });
        // Every capture is committed to a real journal (fsync included) before it is offered, as in the gateway.
        var folder = Directory.CreateTempSubdirectory("gateway-fanout-").FullName;
        using var journal = CaptureJournal.Open(
            folder, RandomNumberGenerator.GetBytes(32), JournalLimits.From(options.Value), TimeProvider.System, NullLogger.Instance);
        using var hub = new CaptureHub(journal, options, TimeProvider.System, NullLogger<CaptureHub>.Instance);
        var readers = new Task[Subscribers];
        for (var i = 0; i < Subscribers; i++)
        {
            var subscription = hub.Subscribe(0);
            readers[i] = Task.Run(async () =>
            {
                using (subscription)
                {
                    var received = 0;
                    await foreach (var _ in subscription.ReadAllAsync(CancellationToken.None))
                    {
                        if (++received == Captures)
                        {
                            break;
                        }
                    }
                }
            });
        }

        for (var i = 0; i < Captures; i++)
        {
            hub.Publish(new Capture
            {
                Id = Guid.NewGuid().ToString(),
                DeviceId = "camera-1",
                Kind = CaptureKind.Portrait,
                Portrait = new PortraitCapture { Image = new Image { Data = _image, Format = ImageFormat.Jpeg, Width = 640, Height = 480 } },
            });
        }

        await Task.WhenAll(readers);
        journal.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
