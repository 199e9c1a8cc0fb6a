namespace Gateway.Imaging.Fingerprints.Internal;

/// <summary>
/// The measures of one 32×32 block taken from its ridge profile: the block's pixels projected onto the direction across
/// the ridges (the dominant gradient direction), averaged per one-pixel step. Local clarity, the dominant-frequency energy,
/// the ridge-to-valley width ratio and the contrast all come from that one profile, in the manner of ISO/IEC 29794-4.
/// </summary>
internal static class RidgeProfile
{
    public const int Size = 32;
    private const int Half = 23; // half of the block's diagonal: every projection falls in [−23, 23]
    private const int Bins = (2 * Half) + 1;
    private const int MinPixelsPerBin = 6;

    public readonly record struct Result(double Clarity, double FrequencyEnergy, double RidgeValleyRatio, double Contrast, bool HasRatio);

    /// <summary>Measures the block whose top-left pixel is (<paramref name="left"/>, <paramref name="top"/>).</summary>
    /// <param name="pixels">The grey image, rows of <paramref name="stride"/> bytes.</param>
    /// <param name="stride">Bytes per row.</param>
    /// <param name="left">Left pixel of the block.</param>
    /// <param name="top">Top pixel of the block.</param>
    /// <param name="normal">The direction across the ridges, in radians.</param>
    public static Result Measure(ReadOnlySpan<byte> pixels, int stride, int left, int top, double normal)
    {
        Span<float> sum = stackalloc float[Bins];
        Span<int> count = stackalloc int[Bins];
        sum.Clear();
        count.Clear();
        var (cos, sin) = ((float)Math.Cos(normal), (float)Math.Sin(normal));
        const float centre = (Size - 1) / 2f;
        for (var y = 0; y < Size; y++)
        {
            var row = pixels.Slice(((top + y) * stride) + left, Size);
            var dy = (y - centre) * sin;
            for (var x = 0; x < Size; x++)
            {
                var bin = (int)MathF.Round(((x - centre) * cos) + dy) + Half;
                sum[bin] += row[x];
                count[bin]++;
            }
        }

        // The profile: the contiguous run of bins with enough pixels to average.
        int first = 0, last = Bins - 1;
        while (first < Bins && count[first] < MinPixelsPerBin)
        {
            first++;
        }

        while (last > first && count[last] < MinPixelsPerBin)
        {
            last--;
        }

        var length = last - first + 1;
        if (length < 8)
        {
            return default;
        }

        Span<float> profile = stackalloc float[length];
        float mean = 0, min = float.MaxValue, max = float.MinValue;
        for (var i = 0; i < length; i++)
        {
            profile[i] = sum[first + i] / count[first + i];
            mean += profile[i];
            min = MathF.Min(min, profile[i]);
            max = MathF.Max(max, profile[i]);
        }

        mean /= length;
        var clarity = Clarity(pixels, stride, left, top, cos, sin, profile, first - Half, mean);
        var energy = FrequencyEnergy(profile, mean);
        // Widths are read from a lightly smoothed profile, so a noisy pixel does not split a ridge in two.
        Span<float> smooth = stackalloc float[length];
        for (var i = 0; i < length; i++)
        {
            smooth[i] = (profile[Math.Max(0, i - 1)] + (2 * profile[i]) + profile[Math.Min(length - 1, i + 1)]) / 4;
        }

        // Widths are cut at mid-range, not at the mean: the mean of thick ridges and thin valleys leans towards the
        // ridges and would hide exactly the imbalance the ratio is for.
        var hasRatio = RidgeValleyRatio(smooth, (min + max) / 2, out var ratio);
        return new Result(clarity, energy, ratio, max - min, hasRatio);
    }

    /// <summary>
    /// 1 − (α + β) / 2: α the share of pixels in ridge positions (profile below its mean) that are lighter than the
    /// mean, β the share of pixels in valley positions that are darker. A clear block separates ridges from valleys.
    /// </summary>
    private static double Clarity(
        ReadOnlySpan<byte> pixels, int stride, int left, int top, float cos, float sin, ReadOnlySpan<float> profile, int offset, float threshold)
    {
        int ridge = 0, ridgeWrong = 0, valley = 0, valleyWrong = 0;
        const float centre = (Size - 1) / 2f;
        for (var y = 0; y < Size; y++)
        {
            var row = pixels.Slice(((top + y) * stride) + left, Size);
            var dy = (y - centre) * sin;
            for (var x = 0; x < Size; x++)
            {
                var i = (int)MathF.Round(((x - centre) * cos) + dy) - offset;
                if ((uint)i >= (uint)profile.Length)
                {
                    continue;
                }

                if (profile[i] < threshold)
                {
                    ridge++;
                    ridgeWrong += row[x] >= threshold ? 1 : 0;
                }
                else
                {
                    valley++;
                    valleyWrong += row[x] < threshold ? 1 : 0;
                }
            }
        }

        if (ridge == 0 || valley == 0)
        {
            return 0;
        }

        return 1 - ((((double)ridgeWrong / ridge) + ((double)valleyWrong / valley)) / 2);
    }

    /// <summary>
    /// The share of the profile's amplitude spectrum (mean removed) at its strongest frequency within the ridge band
    /// (periods of 5 to 20 pixels at 500 ppi), counting the two neighbouring frequencies at 0.3, as NFIQ 2's FDA does.
    /// </summary>
    private static double FrequencyEnergy(ReadOnlySpan<float> profile, float mean)
    {
        var n = profile.Length;
        var half = n / 2;
        Span<double> amplitude = stackalloc double[half + 2];
        amplitude.Clear();
        double total = 0;
        for (var k = 1; k <= half; k++)
        {
            double re = 0, im = 0;
            var step = 2 * Math.PI * k / n;
            for (var i = 0; i < n; i++)
            {
                var v = profile[i] - mean;
                re += v * Math.Cos(step * i);
                im -= v * Math.Sin(step * i);
            }

            amplitude[k] = Math.Sqrt((re * re) + (im * im));
            total += amplitude[k];
        }

        if (total <= 1e-9)
        {
            return 0;
        }

        var low = Math.Max(1, (int)Math.Ceiling(n / 20.0));
        var high = Math.Min(half, n / 5);
        var peak = low;
        for (var k = low; k <= high; k++)
        {
            peak = amplitude[k] > amplitude[peak] ? k : peak;
        }

        var energy = amplitude[peak] + (0.3 * (amplitude[peak - 1] + amplitude[peak + 1]));
        return Math.Min(1, energy / total);
    }

    /// <summary>Mean ridge width over mean valley width, from the complete runs of the profile binarised at its mean.</summary>
    private static bool RidgeValleyRatio(ReadOnlySpan<float> profile, float threshold, out double ratio)
    {
        int ridgeSum = 0, ridgeRuns = 0, valleySum = 0, valleyRuns = 0;
        var start = 0;
        for (var i = 1; i <= profile.Length; i++)
        {
            if (i < profile.Length && (profile[i] < threshold) == (profile[start] < threshold))
            {
                continue;
            }

            // The first and last runs are cut by the block's edge: their widths mean nothing.
            if (start > 0 && i < profile.Length)
            {
                if (profile[start] < threshold)
                {
                    ridgeSum += i - start;
                    ridgeRuns++;
                }
                else
                {
                    valleySum += i - start;
                    valleyRuns++;
                }
            }

            start = i;
        }

        ratio = ridgeRuns > 0 && valleyRuns > 0 ? ((double)ridgeSum / ridgeRuns) / ((double)valleySum / valleyRuns) : 0;
        return ridgeRuns > 0 && valleyRuns > 0;
    }
}
