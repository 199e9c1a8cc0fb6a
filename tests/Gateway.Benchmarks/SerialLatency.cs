using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Gateway.Contracts.V1;
using Gateway.Drivers.Serial;
using Gateway.Drivers.Serial.Framing;
using Gateway.Drivers.Serial.Tests.Socat;
using Gateway.Host;
using Grpc.Net.Client;

namespace Gateway.Benchmarks;

/// <summary>
/// <c>serial-latency [COUNT] [PROFILE]</c>: the real gateway with a <c>serial</c> device on one end of a socat pair, a
/// writer on the other end and a gRPC <c>WatchCaptures</c> subscriber. For each document (one at a time) it measures
/// from the moment the write of the frame's last byte returned to the moment the capture arrived at the subscriber,
/// and prints the median and p99 (after 200 documents of warm-up). A pseudo-terminal has no baud rate, so the figure is what the gateway adds on top of
/// the wire (90 bytes at 9600 bd ≈ 94 ms on a real cable); nothing is subtracted.
/// </summary>
internal static class SerialLatency
{
    private static readonly string[] Td3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var profile = FrameProfiles.Find(args.Length > 1 ? args[1] : "desko-cute") ?? throw new ArgumentException("unknown profile");
        await using var pair = await SocatPair.StartAsync();
        var devices = Path.Combine(Path.GetTempPath(), $"serial-latency-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(devices, JsonSerializer.Serialize(new[] { new { Id = "reader-1", Driver = "serial", Settings = new { Port = pair.GatewayEnd, Profile = profile.Name } } }));
        var app = GatewayApplication.Build(["--devices", devices, "--Kestrel:Endpoints:Grpc:Url", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning", "--Gateway:Captures:RetainCount", "100000"]);
        await app.StartAsync();
        try
        {
            using var channel = GrpcChannel.ForAddress(app.Urls.Single());
            using var states = new DeviceService.DeviceServiceClient(channel).WatchDevices(new WatchDevicesRequest { DeviceId = "reader-1" });
            while (await states.ResponseStream.MoveNext(CancellationToken.None) && states.ResponseStream.Current.StateChanged?.Device.State != DeviceState.Ready)
            {
            }

            using var watch = new CaptureService.CaptureServiceClient(channel).WatchCaptures(new WatchCapturesRequest());
            await using var reader = SerialConnection.Open(new SerialReaderOptions { Port = pair.ReaderEnd });
            var frame = FrameWriter.Document(profile, Td3);
            var samples = new List<double>(count);
            for (var i = -200; i < count; i++)
            {
                reader.Write(frame);
                var written = Stopwatch.GetTimestamp();
                if (!await watch.ResponseStream.MoveNext(CancellationToken.None) || !watch.ResponseStream.Current.Verified)
                {
                    throw new InvalidOperationException("the capture did not arrive verified");
                }

                if (i >= 0)
                {
                    samples.Add(Stopwatch.GetElapsedTime(written).TotalMilliseconds);
                }
            }

            samples.Sort();
            double At(double q) => samples[(int)Math.Min(samples.Count - 1, Math.Ceiling(q * samples.Count) - 1)];
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"serial-latency profile={profile.Name} documents={count} frame={frame.Length} bytes (wire at 9600 bd 8N1: {frame.Length * 10 / 9.6:0} ms): " +
                $"median {At(0.5):0.00} ms, p99 {At(0.99):0.00} ms, max {samples[^1]:0.00} ms (last byte written -> capture at the gRPC subscriber); " +
                $"load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?")}"));
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            File.Delete(devices);
        }
    }
}
