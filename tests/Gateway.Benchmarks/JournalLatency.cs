using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Gateway.Contracts.V1;
using Gateway.Host.Journal;
using Google.Protobuf;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Benchmarks;

/// <summary>
/// <c>journal-latency [COUNT] [KB] [FOLDER]</c>: what the capture journal adds to each capture — encryption, the SQLite
/// insert and its fsync (WAL, synchronous=FULL) — timed one append at a time, as the capture hub does it before a
/// capture is announced; and the throughput that gives. The journal goes in FOLDER (default: a new folder in the
/// current directory, so the disk the gateway would use, not a memory file system).
/// </summary>
internal static class JournalLatency
{
    public static int Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var kilobytes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        var folder = args.Length > 2 ? args[2] : Path.Combine(Environment.CurrentDirectory, $"journal-latency-{Guid.NewGuid():N}");
        var image = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(kilobytes * 1024));
        var limits = new JournalLimits(count * 2L, long.MaxValue / 2, TimeSpan.FromDays(7), TimeSpan.FromDays(30), new HashSet<string>());
        var times = new double[count];
        var total = Stopwatch.StartNew();
        using (var journal = CaptureJournal.Open(folder, RandomNumberGenerator.GetBytes(32), limits, TimeProvider.System, NullLogger.Instance))
        {
            for (var i = 0; i < count; i++)
            {
                var capture = new Capture
                {
                    Id = Guid.NewGuid().ToString(),
                    Sequence = (ulong)i + 1,
                    DeviceId = "camera-1",
                    Kind = CaptureKind.Portrait,
                    Portrait = new PortraitCapture { Image = new Image { Data = image, Format = ImageFormat.Jpeg } },
                };
                var start = Stopwatch.GetTimestamp();
                if (!journal.Append(capture, out _))
                {
                    Console.Error.WriteLine($"append {i + 1} failed (disk full?)");
                    return 1;
                }

                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }

        total.Stop();
        Directory.Delete(folder, recursive: true);
        Array.Sort(times);
        double Percentile(double p) => times[Math.Min(count - 1, (int)Math.Ceiling(p * count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} captures of {kilobytes} KB: {count / total.Elapsed.TotalSeconds:F0} captures/s; added per capture: median {Percentile(0.5):F2} ms, p99 {Percentile(0.99):F2} ms, max {times[^1]:F2} ms"));
        return 0;
    }
}
