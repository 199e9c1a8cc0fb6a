using System.Text.Json;
using Gateway.Contracts.V1;
using Grpc.Core;

namespace Gateway.EndToEnd.Tests.Journal;

/// <summary>The gateway process killed (SIGKILL) in the middle of a capture stream, then started again on the same journal.</summary>
public sealed class KillRestartTests : IDisposable
{
    private const int BeforeKill = 40;
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"gateway-kill-{Guid.NewGuid():N}");
    private readonly Dictionary<ulong, string> _idBySequence = [];
    private readonly Dictionary<string, ulong> _sequenceById = [];

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task KilledMidStream_RestartedClientResumesAfterItsLastAcknowledgement_NothingLostDuplicatesOnlyBySameId()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        Directory.CreateDirectory(_data);
        var devices = Path.Combine(_data, "devices.json");
        await File.WriteAllTextAsync(devices, JsonSerializer.Serialize(new object[]
        {
            RunningGateway.Device("reader-1", "simulated-document", new { IntervalSeconds = 0.05 }),
            RunningGateway.Device("barcode-1", "simulated-barcode", new { IntervalSeconds = 0.07 }),
        }), timeout.Token);
        var port = GatewayProcess.FreePort();

        // First run: the booth client processes and acknowledges each capture; the last one it received is not yet
        // acknowledged when the gateway is killed, while the devices go on capturing.
        var received = new List<Capture>();
        ulong acknowledged = 0;
        using (var first = await GatewayProcess.StartAsync(port, _data, devices, timeout.Token))
        {
            var client = new CaptureService.CaptureServiceClient(first.Channel);
            using var watch = client.WatchCaptures(new WatchCapturesRequest(), cancellationToken: timeout.Token);
            while (received.Count < BeforeKill && await watch.ResponseStream.MoveNext(timeout.Token))
            {
                var capture = watch.ResponseStream.Current;
                received.Add(Remember(capture));
                if (received.Count < BeforeKill)
                {
                    await client.AcknowledgeAsync(new AcknowledgeRequest { CaptureIds = { capture.Id } }, cancellationToken: timeout.Token);
                    acknowledged = capture.Sequence;
                }
            }

            first.Kill();
        }

        var unacknowledged = received[^1];
        var lastBeforeKill = received.Max(c => c.Sequence);

        // Second run on the same journal: resume after the last acknowledged sequence.
        var resumed = new List<Capture>();
        using (var second = await GatewayProcess.StartAsync(port, _data, devices, timeout.Token))
        {
            var client = new CaptureService.CaptureServiceClient(second.Channel);
            using var watch = client.WatchCaptures(new WatchCapturesRequest { AfterSequence = acknowledged }, cancellationToken: timeout.Token);
            while (await watch.ResponseStream.MoveNext(timeout.Token))
            {
                resumed.Add(Remember(watch.ResponseStream.Current));
                if (resumed[^1].Sequence >= lastBeforeKill + 20)
                {
                    break;
                }
            }
        }

        // Nothing lost: every sequence after the acknowledged one comes, in order, none skipped (the gateway numbers
        // captures without gaps), and the sequence went on from the first run's instead of starting again.
        var sequences = resumed.Select(c => c.Sequence).ToList();
        Assert.Equal(Enumerable.Range(0, sequences.Count).Select(i => acknowledged + 1 + (ulong)i), sequences);
        // The capture delivered but not acknowledged before the kill comes again, with the same id.
        Assert.Equal(unacknowledged.Id, resumed[0].Id);
        Assert.Equal(unacknowledged, resumed[0]);
        // Captures the first run journaled after the client's last one are delivered now, under their first numbers.
        Assert.True(sequences[^1] > lastBeforeKill);
    }

    /// <summary>Fails when a sequence number ever stands for two captures or a capture for two numbers.</summary>
    private Capture Remember(Capture capture)
    {
        if (_idBySequence.TryGetValue(capture.Sequence, out var id))
        {
            Assert.Equal(id, capture.Id);
        }

        if (_sequenceById.TryGetValue(capture.Id, out var sequence))
        {
            Assert.Equal(sequence, capture.Sequence);
        }

        _idBySequence[capture.Sequence] = capture.Id;
        _sequenceById[capture.Id] = capture.Sequence;
        return capture;
    }
}
