using BenchmarkDotNet.Attributes;
using Gateway.Imaging;
using Gateway.Imaging.Fingerprints;
using Gateway.Imaging.TestMedia.Fingerprints;

namespace Gateway.Benchmarks;

/// <summary>
/// The gateway's work on a four-finger slap of 1600 × 1500 at 500 ppi (generated, SFinGe-style): foreground
/// segmentation, separation into four fingers, every quality measure and the score of each finger. Goal: ≤ 150 ms on one
/// core. The image is generated once; the analysis is what is timed.
/// </summary>
[MemoryDiagnoser]
public class FingerprintBenchmark
{
    private readonly FingerprintAnalyzer _analyzer = new();
    private Frame _slap = null!;
    private Frame _finger = null!;

    [GlobalSetup]
    public void Setup()
    {
        _slap = SyntheticFingerprint.Slap(5);
        _finger = SyntheticFingerprint.Finger(1);
    }

    /// <summary>Segmentation, slap separation and quality of the four fingers.</summary>
    [Benchmark]
    public int Slap() => _analyzer.Analyze(_slap, IsoFingerPosition.PlainRightFourFingers).Fingers.Count;

    /// <summary>Segmentation and quality of one 320 × 440 finger.</summary>
    [Benchmark]
    public int SingleFinger() => _analyzer.Analyze(_finger, IsoFingerPosition.RightIndex).Fingers.Count;
}
