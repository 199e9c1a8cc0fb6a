using System.Diagnostics;
using Gateway.Mrz;
using Gateway.MrzOcr;
using Gateway.MrzOcr.TestMedia;
using OpenCvSharp;

namespace Gateway.Benchmarks;

/// <summary>
/// Reads the fixed MRZ evaluation set with this gateway's reader (in process) and with Tesseract 5 (Debian tesseract-ocr,
/// eng model, MRZ whitelist, OMP_THREAD_LIMIT=1) on the same files — the upright MRZ crops and the whole pages/frames —
/// and prints character accuracy, exact-MRZ rate, valid-MRZ rate and time per image side by side.
/// </summary>
/// <remarks>
/// Scoring: every read goes through the MRZ engine (with its own check-digit-guided correction for Tesseract's text);
/// characters are compared position by position with the generated MRZ, a missing line counting as all wrong. For
/// Tesseract on a page, the last lines of at least 80 % of the MRZ length are taken as the MRZ. Timing: ours inside the
/// process after a warm-up pass, median of three, OpenCV held to one thread as Tesseract is, in a pass of its own (and,
/// for reference, between Tesseract's runs, where cold caches cost it about a fifth). Tesseract's process start
/// and model load are taken out by running it once on one image and once on a list of six copies: (t6 − t1) / 5 (one
/// such pair per file: a 600 dpi page takes Tesseract seconds).
/// </remarks>
internal static class MrzSideBySide
{
    private const string Whitelist = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

    public static async Task<int> RunAsync(string[] args)
    {
        var folder = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "gateway-mrz-set");
        var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 60;
        Directory.CreateDirectory(folder);
        var samples = MrzSets.Evaluation(count).ToList();
        foreach (var s in samples)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, $"{s.Name}.{s.Extension}"), s.Image);
            await File.WriteAllBytesAsync(Path.Combine(folder, $"{s.Name}.crop.png"), s.Crop);
        }

        Console.WriteLine($"{samples.Count} images and crops written to {folder} (seed {MrzSets.EvaluationSeed})");
        // Both readers on one core: OpenCV would otherwise spread some of this reader's steps over every core.
        Cv2.SetNumThreads(1);
        var reader = new MrzReader(new MrzReaderOptions { Budget = TimeSpan.FromSeconds(5) });
        foreach (var s in samples)
        {
            reader.Read(s.Image);
        }

        var rows = new Dictionary<string, List<(Score Score, double Ms)>>();
        void Add(string name, Score score, double ms) => (rows.TryGetValue(name, out var list) ? list : rows[name] = []).Add((score, ms));
        foreach (var s in samples)
        {
            var truth = s.Text.Split('\n');
            foreach (var (kind, file, bytes) in new[] { ("page", $"{s.Name}.{s.Extension}", s.Image), ("crop", $"{s.Name}.crop.png", s.Crop) })
            {
                var (result, ms) = TimeOurs(reader, bytes);
                var ours = Score.Of(truth, result.Mrz);
                Add($"this gateway, {kind}s, between Tesseract runs", ours, ms);
                var (text, theirMs) = await TesseractAsync(Path.Combine(folder, file), kind == "page" ? 3 : 6);
                var theirs = Score.Of(truth, Pick(text, truth));
                Add($"Tesseract 5, {kind}s", theirs, theirMs);
                Console.WriteLine($"{s.Name,-22} {kind}  ours {ours.Right,3}/{ours.Total} {(ours.Exact ? "exact" : ours.Valid ? "valid" : "-    ")} {ms,7:0.0} ms   tesseract {theirs.Right,3}/{theirs.Total} {(theirs.Exact ? "exact" : theirs.Valid ? "valid" : "-    ")} {theirMs,7:0.0} ms");
            }
        }

        // Ours again, in a pass of its own: Tesseract's time is its steady per-image time within one process (six
        // copies in one run), while ours above was taken between Tesseract processes, which leave the caches cold.
        foreach (var s in samples)
        {
            var truth = s.Text.Split('\n');
            foreach (var (kind, bytes) in new[] { ("page", s.Image), ("crop", s.Crop) })
            {
                var (result, ms) = TimeOurs(reader, bytes);
                Add($"this gateway, {kind}s", Score.Of(truth, result.Mrz), ms);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{"",-44} {"characters",11} {"exact",7} {"valid",7} {"median ms",10} {"mean ms",9}");
        foreach (var (name, list) in rows.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var right = list.Sum(r => r.Score.Right);
            var total = list.Sum(r => r.Score.Total);
            Console.WriteLine($"{name,-44} {100.0 * right / total,10:0.00}% {list.Count(r => r.Score.Exact),3}/{list.Count,-3} {list.Count(r => r.Score.Valid),3}/{list.Count,-3} {Median([.. list.Select(r => r.Ms)]),10:0.0} {list.Average(r => r.Ms),9:0.0}");
        }

        return 0;
    }

    /// <summary>Our read of an image, and its time: the median of three reads.</summary>
    private static (MrzOcrResult Result, double Ms) TimeOurs(MrzReader reader, byte[] bytes)
    {
        var times = new double[3];
        MrzOcrResult? result = null;
        for (var i = 0; i < times.Length; i++)
        {
            var watch = Stopwatch.StartNew();
            result = reader.Read(bytes);
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        return (result!, Median(times));
    }

    /// <summary>Tesseract's MRZ: its last lines at least 80 % as long as an MRZ line, parsed by the engine.</summary>
    private static MrzResult? Pick(string text, string[] truth)
    {
        var lines = text.Split('\n').Select(l => l.Replace(" ", string.Empty, StringComparison.Ordinal).Trim())
            .Where(l => l.Length >= truth[0].Length * 0.8).ToList();
        if (lines.Count < truth.Length)
        {
            return null;
        }

        var mrz = lines.Skip(lines.Count - truth.Length).Select(l => l.Length >= truth[0].Length ? l[..truth[0].Length] : l.PadRight(truth[0].Length, '<'));
        return MrzParser.Parse(string.Join('\n', mrz));
    }

    private static async Task<(string Text, double Ms)> TesseractAsync(string path, int psm)
    {
        var list = Path.ChangeExtension(path, ".list.txt");
        await File.WriteAllLinesAsync(list, Enumerable.Repeat(path, 6));
        var once = new double[1];
        var six = new double[1];
        var text = string.Empty;
        for (var i = 0; i < once.Length; i++)
        {
            (text, once[i]) = await RunTesseractAsync(path, psm);
            (_, six[i]) = await RunTesseractAsync(list, psm);
        }

        File.Delete(list);
        return (text, Math.Max(0, (Median(six) - Median(once)) / 5));
    }

    private static async Task<(string Output, double Ms)> RunTesseractAsync(string input, int psm)
    {
        var start = new ProcessStartInfo("tesseract") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { input, "stdout", "-l", "eng", "--psm", psm.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c", $"tessedit_char_whitelist={Whitelist}" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["OMP_THREAD_LIMIT"] = "1";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("tesseract did not start (apt-get install tesseract-ocr).");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output;
        await errors;
        return (text, watch.Elapsed.TotalMilliseconds);
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private readonly record struct Score(int Right, int Total, bool Exact, bool Valid)
    {
        public static Score Of(string[] truth, MrzResult? read)
        {
            var lines = read?.CorrectedLines ?? [];
            var right = 0;
            for (var l = 0; l < truth.Length; l++)
            {
                for (var c = 0; c < truth[l].Length; c++)
                {
                    right += l < lines.Count && c < lines[l].Length && lines[l][c] == truth[l][c] ? 1 : 0;
                }
            }

            var total = truth.Sum(t => t.Length);
            return new Score(right, total, right == total && lines.Count == truth.Length, read?.Valid == true);
        }
    }
}
