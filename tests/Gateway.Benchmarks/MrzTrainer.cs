using System.Diagnostics;
using Gateway.Imaging;
using Gateway.MrzOcr.Internal;
using Gateway.MrzOcr.TestMedia;
using OpenCvSharp;

namespace Gateway.Benchmarks;

/// <summary>
/// Makes the MRZ recogniser's model (gateway/Gateway.MrzOcr/Model/ocrb-mlp.bin): renders training pages and camera
/// frames in OCR-B (Debian fonts-ocr-b) from the training seeds — never the evaluation seed —, cuts them with the
/// reader's own locator and segmenter, labels each cell from the generated MRZ, and trains a one-hidden-layer perceptron
/// with plain minibatch SGD. Deterministic for a given sample count.
/// </summary>
/// <remarks>Usage: <c>mrz-train [OUTPUT] [SAMPLES] [HIDDEN] [EPOCHS]</c> (defaults 900, 192, 14: the committed model).</remarks>
internal static class MrzTrainer
{
    public static int Run(string[] args)
    {
        var output = args.Length > 0 ? args[0] : "gateway/Gateway.MrzOcr/Model/ocrb-mlp.bin";
        var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 900;
        var hidden = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 192;
        var epochs = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 14;
        var watch = Stopwatch.StartNew();
        var random = new Random(12345);
        var (features, labels, used) = Collect(MrzSets.Training(count), random);
        Console.WriteLine($"{labels.Count} cells from {used}/{count} training images in {watch.Elapsed.TotalSeconds:0} s");
        var model = Train(features, labels, hidden, epochs, random);
        var correct = Enumerable.Range(0, labels.Count).Count(i => ArgMax(model.Classify(features[i])) == labels[i]);
        Console.WriteLine($"training accuracy {100.0 * correct / labels.Count:0.00} % after {watch.Elapsed.TotalSeconds:0} s");
        using (var file = File.Create(output))
        {
            model.Save(file);
        }

        Console.WriteLine($"wrote {output} ({new FileInfo(output).Length / 1024} KB)");
        return 0;
    }

    /// <summary>The labelled cells of the samples whose MRZ the locator and segmenter found with the right line and character counts.</summary>
    internal static (List<float[]> Features, List<int> Labels, int Used) Collect(IEnumerable<MrzSample> samples, Random random)
    {
        var features = new List<float[]>();
        var labels = new List<int>();
        var used = 0;
        foreach (var sample in samples)
        {
            var truth = sample.Text.Split('\n');
            using var gray = GrayOf(sample.Image);
            var quad = sample.Quad.Select(p => new Point2f(p.X, p.Y)).ToArray();
            var direction = quad[1] - quad[0];
            var labelled = false;
            foreach (var box in MrzLocator.Locate(gray, 6))
            {
                if (labelled || Cv2.PointPolygonTest(quad, box.Center, true) < -5)
                {
                    continue;
                }

                foreach (var flipped in (bool[])[false, true])
                {
                    using var cut = CandidateReader.Cut(gray, box, flipped);
                    var crop = cut.Crop;
                    var along = crop.ToSource(100, crop.Height / 2f) - crop.ToSource(0, crop.Height / 2f);
                    if ((along.X * direction.X) + (along.Y * direction.Y) <= 0)
                    {
                        continue;
                    }

                    var hypothesis = cut.Hypotheses()
                        .FirstOrDefault(h => h.Lines.Length == truth.Length && h.Length == truth[0].Length && Inside(crop, h, quad));
                    if (hypothesis is null)
                    {
                        continue;
                    }

                    for (var copy = 0; copy < 3; copy++)
                    {
                        var (jx, jy) = copy == 0 ? (0f, 0f) : ((float)(random.NextDouble() - 0.5) * 0.16f, (float)(random.NextDouble() - 0.5) * 0.16f);
                        for (var l = 0; l < truth.Length; l++)
                        {
                            var cells = CellSampler.Sample(crop.Pixels, crop.Width, crop.Height, hypothesis.Lines[l], hypothesis.Centers[l], jx, jy);
                            for (var i = 0; i < truth[l].Length; i++)
                            {
                                features.Add(cells.AsSpan(i * CellSampler.Features, CellSampler.Features).ToArray());
                                labels.Add(CharClassifier.Alphabet.IndexOf(truth[l][i], StringComparison.Ordinal));
                            }
                        }
                    }

                    labelled = true;
                    used++;
                    break;
                }
            }
        }

        return (features, labels, used);
    }

    internal static Mat GrayOf(byte[] image) => Gateway.Imaging.Internal.OpenCvFrames.DecodeMat(image, PixelFormat.Gray8, long.MaxValue);

    private static bool Inside(MrzCrop crop, Hypothesis hypothesis, Point2f[] quad)
    {
        // Whole lines only: each line's ends lie within a character of the true block's left and right edges.
        var width = quad[0].DistanceTo(quad[1]);
        var pitch = width / hypothesis.Length;
        foreach (var line in hypothesis.Lines)
        {
            var length = crop.ToSource(line.Left, line.CenterY(line.Left)).DistanceTo(crop.ToSource(line.Right, line.CenterY(line.Right)));
            if (Math.Abs(length - width) > pitch)
            {
                return false;
            }

            var middle = (line.Left + line.Right) / 2;
            if (Cv2.PointPolygonTest(quad, crop.ToSource(middle, line.CenterY(middle)), true) < -3)
            {
                return false;
            }
        }

        return true;
    }

    private static CharClassifier Train(List<float[]> features, List<int> labels, int hidden, int epochs, Random random)
    {
        var inputs = CellSampler.Features;
        var classes = CharClassifier.Alphabet.Length;
        float Init(int fanIn) => (float)((random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / fanIn));
        var w1 = Enumerable.Range(0, hidden * inputs).Select(_ => Init(inputs)).ToArray();
        var b1 = new float[hidden];
        var w2 = Enumerable.Range(0, classes * hidden).Select(_ => Init(hidden)).ToArray();
        var b2 = new float[classes];
        var model = new CharClassifier(inputs, hidden, w1, b1, w2, b2);
        var order = Enumerable.Range(0, labels.Count).ToArray();
        var h = new float[hidden];
        var dh = new float[hidden];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = (0.03f * (1 - (epoch / (float)epochs))) + 0.001f;
            double loss = 0;
            foreach (var n in order)
            {
                var x = features[n];
                for (var j = 0; j < hidden; j++)
                {
                    var s = b1[j] + CharClassifier.Dot(w1.AsSpan(j * inputs, inputs), x);
                    h[j] = s > 0 ? s : 0;
                }

                var p = new float[classes];
                for (var o = 0; o < classes; o++)
                {
                    p[o] = b2[o] + CharClassifier.Dot(w2.AsSpan(o * hidden, hidden), h);
                }

                var max = p.Max();
                var total = 0f;
                for (var o = 0; o < classes; o++)
                {
                    p[o] = MathF.Exp(p[o] - max);
                    total += p[o];
                }

                Array.Clear(dh);
                for (var o = 0; o < classes; o++)
                {
                    p[o] /= total;
                    var g = p[o] - (o == labels[n] ? 1 : 0);
                    if (g == 0)
                    {
                        continue;
                    }

                    var row = w2.AsSpan(o * hidden, hidden);
                    for (var j = 0; j < hidden; j++)
                    {
                        dh[j] += g * row[j];
                        row[j] -= rate * g * h[j];
                    }

                    b2[o] -= rate * g;
                }

                loss -= Math.Log(Math.Max(p[labels[n]], 1e-9));
                for (var j = 0; j < hidden; j++)
                {
                    if (h[j] <= 0)
                    {
                        continue;
                    }

                    var g = rate * dh[j];
                    var row = w1.AsSpan(j * inputs, inputs);
                    for (var i = 0; i < inputs; i++)
                    {
                        row[i] -= g * x[i];
                    }

                    b1[j] -= g;
                }
            }

            Console.WriteLine($"epoch {epoch + 1}: loss {loss / labels.Count:0.0000}");
        }

        return model;
    }

    private static int ArgMax(float[] values) => Array.IndexOf(values, values.Max());
}
