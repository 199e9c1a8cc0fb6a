using System.Diagnostics;
using Gateway.Mrz;
using Gateway.MrzOcr;
using Gateway.MrzOcr.TestMedia;
using OpenCvSharp;

namespace Gateway.Benchmarks;

/// <summary>
/// A quick in-process measure of the MRZ reader alone (no Tesseract), with a line per image that says where it went
/// wrong: not found, the wrong number of lines or characters, which characters were misread, or a valid read with a
/// wrong checked field (which must never happen).
/// </summary>
/// <remarks>
/// Usage: <c>mrz-eval [eval|tune] [COUNT] [--once] [--crops] [--only NAME,...] [--dump DIR]</c> (<c>--dump</c> saves each
/// image not read exactly, with the reader's crop and segmentation; <c>--only</c> keeps the images whose names start so
/// and prints their truth and reading). <c>eval</c> (the default) is the fixed evaluation set, for measuring only;
/// <c>tune</c> is a set drawn like it from training-range seeds that the model tool does not use (from sample 10 000 on),
/// for looking at errors while changing the reader. Times: one warm-up pass, then the median of three reads per image.
/// </remarks>
internal static class MrzEvaluation
{
    /// <summary>First training-range sample of the tuning set; the model tool uses samples from 0 to its count.</summary>
    public const int TuningFirst = 10_000;

    public static int Run(string[] args)
    {
        // One core, as Tesseract is held to in the side-by-side comparison: times per image, not per machine.
        Cv2.SetNumThreads(1);
        var tune = args.FirstOrDefault() == "tune";
        var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30;
        var samples = (tune ? MrzSets.Training(count, TuningFirst) : MrzSets.Evaluation(count)).ToList();
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        if (only is not null)
        {
            samples = samples.Where(s => only.Split(',').Any(o => s.Name.StartsWith(o, StringComparison.Ordinal))).ToList();
        }

        var reader = new MrzReader(new MrzReaderOptions { Budget = TimeSpan.FromSeconds(5) });
        var dump = args.SkipWhile(a => a != "--dump").Skip(1).FirstOrDefault();
        var debugReader = new MrzReader(new MrzReaderOptions { Budget = TimeSpan.FromSeconds(5), IncludeDebugImages = true });
        // --once: one read per image and no warm-up, for looking at errors quickly; times are then not comparable.
        var once = args.Contains("--once");
        // --crops: each image's MRZ crop (as mrz-compare gives a crop-only OCR) instead of the page or frame.
        var crops = args.Contains("--crops");
        byte[] Input(Gateway.MrzOcr.TestMedia.MrzSample s) => crops ? s.Crop : s.Image;
        foreach (var s in once ? [] : samples)
        {
            reader.Read(Input(s));
        }

        int right = 0, total = 0, exact = 0, valid = 0, wrongValid = 0;
        var medians = new List<double>();
        foreach (var s in samples)
        {
            var times = new double[once ? 1 : 3];
            MrzOcrResult result = null!;
            for (var i = 0; i < times.Length; i++)
            {
                var watch = Stopwatch.StartNew();
                result = reader.Read(Input(s));
                times[i] = watch.Elapsed.TotalMilliseconds;
            }

            Array.Sort(times);
            medians.Add(times[times.Length / 2]);
            var truth = s.Text.Split('\n');
            var read = result.Mrz?.CorrectedLines ?? [];
            var wrong = new List<string>();
            var n = 0;
            for (var l = 0; l < truth.Length; l++)
            {
                for (var c = 0; c < truth[l].Length; c++)
                {
                    var got = l < read.Count && c < read[l].Length ? read[l][c] : '_';
                    if (got == truth[l][c])
                    {
                        n++;
                    }
                    else if (l < read.Count && read[l].Length == truth[l].Length)
                    {
                        wrong.Add($"{l}:{c} {truth[l][c]}>{got}");
                    }
                }
            }

            var all = truth.Sum(t => t.Length);
            right += n;
            total += all;
            exact += n == all && read.Count == truth.Length ? 1 : 0;
            valid += result.Mrz?.Valid == true ? 1 : 0;
            var expected = MrzParser.Parse(s.Text);
            var wrongFields = result.Mrz?.Valid == true && ((MrzFieldName[])[MrzFieldName.DocumentNumber, MrzFieldName.DateOfBirth, MrzFieldName.DateOfExpiry])
                .Any(f => expected.GetField(f)?.Value != result.Mrz.GetField(f)?.Value);
            wrongValid += wrongFields ? 1 : 0;
            var diagnosis = wrongFields ? "VALID WITH A WRONG CHECKED FIELD " : string.Empty;
            diagnosis += !result.Found ? "not found"
                : read.Count != truth.Length ? $"{read.Count} lines"
                : read[0].Length != truth[0].Length ? $"{read[0].Length} a line"
                : wrong.Count == 0 ? string.Empty
                : wrong.Count > 8 ? $"{wrong.Count} wrong (misaligned?) " + string.Join(' ', wrong.Take(6))
                : string.Join(' ', wrong);
            if (dump is not null && n != all)
            {
                Directory.CreateDirectory(dump);
                File.WriteAllBytes(Path.Combine(dump, crops ? $"{s.Name}.png" : $"{s.Name}.{s.Extension.Trim()}"), Input(s));
                using (var decoded = OpenCvSharp.Cv2.ImDecode(Input(s), OpenCvSharp.ImreadModes.Grayscale))
                {
                    // A PNG copy of every failed image, for viewers without JPEG.
                    OpenCvSharp.Cv2.ImWrite(Path.Combine(dump, $"{s.Name}.view.png"), decoded);
                }

                var debug = debugReader.Read(Input(s));
                if (debug.Crop is { } crop)
                {
                    File.WriteAllBytes(Path.Combine(dump, $"{s.Name}.crop.png"), crop.EncodePng());
                }

                if (debug.Segmentation is { } segmentation)
                {
                    File.WriteAllBytes(Path.Combine(dump, $"{s.Name}.cells.png"), segmentation.EncodePng());
                }
            }

            if (only is not null)
            {
                // A few images looked at closely: the generated MRZ and the reading, line by line.
                Console.WriteLine(string.Join('\n', truth.Select((t, l) => $"  truth {t}\n  read  {(l < read.Count ? read[l] : string.Empty)}")));
            }

            Console.WriteLine($"{s.Name,-22} {s.Extension} {n,3}/{all} {(n == all ? "exact" : result.Mrz?.Valid == true ? "valid" : "-    ")} {times[times.Length / 2],7:0.0} ms {result.Confidence:0.00} {diagnosis}");
        }

        medians.Sort();
        Console.WriteLine($"{(tune ? "tuning" : "evaluation")} set, {samples.Count} images: characters {100.0 * right / total:0.00} %, exact {exact}/{samples.Count}, valid {valid}/{samples.Count} ({wrongValid} with a wrong checked field), median {medians[medians.Count / 2]:0.0} ms, mean {medians.Average():0.0} ms");
        return 0;
    }
}
