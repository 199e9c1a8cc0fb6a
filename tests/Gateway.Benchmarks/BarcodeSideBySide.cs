using System.Diagnostics;
using System.Text;
using Gateway.Imaging.Barcodes;
using Gateway.Imaging.TestMedia;

namespace Gateway.Benchmarks;

/// <summary>
/// Decodes the generated degraded set with this gateway's decoder (in process) and with zxing-cpp's ZXingReader
/// (Debian zxing-cpp-tools) on the same files, and prints decode rate and per-image times side by side.
/// </summary>
/// <remarks>
/// Fairness: both are timed from the encoded file to the decoded barcodes (image decoding included). Ours is timed
/// inside the process after one warm-up pass. ZXingReader's process start is taken out by running it on the same file
/// once and six times in one invocation: (t6 − t1) / 5 is its time per image. Each figure is the median of three runs.
/// </remarks>
internal static class BarcodeSideBySide
{
    public static async Task<int> RunAsync(string[] args)
    {
        var folder = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "gateway-degraded-set");
        Directory.CreateDirectory(folder);
        var samples = DegradedSet.Generate().ToList();
        foreach (var sample in samples)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, $"{sample.Name}.{sample.Extension}"), sample.Image);
        }

        Console.WriteLine($"{samples.Count} images written to {folder}");
        var decoder = new BarcodeDecoder();
        foreach (var sample in samples)
        {
            decoder.Decode(sample.Image);
        }

        var ours = new List<(bool Ok, double Ms)>();
        var theirs = new List<(bool Ok, double Ms)>();
        foreach (var sample in samples)
        {
            var path = Path.Combine(folder, $"{sample.Name}.{sample.Extension}");
            var expected = Encoding.Latin1.GetBytes(sample.Payload);
            var times = new double[3];
            var ok = false;
            for (var i = 0; i < times.Length; i++)
            {
                var watch = Stopwatch.StartNew();
                var result = decoder.Decode(await File.ReadAllBytesAsync(path));
                times[i] = watch.Elapsed.TotalMilliseconds;
                ok = result.Barcodes.Any(b => b.Raw.Span.SequenceEqual(expected));
            }

            ours.Add((ok, Median(times)));
            theirs.Add(await ZxingReaderAsync(path, expected));
            Console.WriteLine($"{sample.Name,-48} ours {(ours[^1].Ok ? "ok  " : "MISS")} {ours[^1].Ms,7:0.0} ms   ZXingReader {(theirs[^1].Ok ? "ok  " : "MISS")} {theirs[^1].Ms,7:0.0} ms");
        }

        Console.WriteLine();
        Console.WriteLine($"{"",-20} {"decoded",10} {"median ms",10} {"mean ms",10}");
        Report("this gateway", ours, samples.Count);
        Report("ZXingReader 1.4", theirs, samples.Count);
        return 0;
    }

    private static void Report(string name, List<(bool Ok, double Ms)> results, int total) =>
        Console.WriteLine($"{name,-20} {results.Count(r => r.Ok),4}/{total,-5} {Median(results.Select(r => r.Ms).ToArray()),10:0.0} {results.Average(r => r.Ms),10:0.0}");

    private static async Task<(bool Ok, double Ms)> ZxingReaderAsync(string path, byte[] expected)
    {
        var once = new double[3];
        var six = new double[3];
        var ok = false;
        for (var i = 0; i < 3; i++)
        {
            var (output, t1) = await RunReaderAsync([path]);
            ok = output.AsSpan().IndexOf(expected) >= 0;
            once[i] = t1;
            (_, six[i]) = await RunReaderAsync(Enumerable.Repeat(path, 6).ToArray());
        }

        return (ok, Math.Max(0, (Median(six) - Median(once)) / 5));
    }

    private static async Task<(byte[] Output, double Ms)> RunReaderAsync(string[] files)
    {
        var start = new ProcessStartInfo("ZXingReader") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-bytes");
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("ZXingReader did not start (apt-get install zxing-cpp-tools).");
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await copy;
        await errors;
        return (output.ToArray(), watch.Elapsed.TotalMilliseconds);
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
