using BenchmarkDotNet.Attributes;
using Gateway.Imaging;
using Gateway.Imaging.Portraits;
using Gateway.Imaging.TestMedia.Portraits;
using Gateway.Imaging.Video;

namespace Gateway.Benchmarks;

/// <summary>
/// The camera driver's per-frame work at 1280 × 720: grabbing (MJPG decode, as a USB webcam delivers), face detection
/// with every quality measure, and a preview frame's JPEG encoding. The scene is the skimage astronaut portrait on a
/// plain background (GATEWAY_SKIMAGE_DATA, as scripts/test.sh sets it).
/// </summary>
[MemoryDiagnoser]
public class PortraitBenchmark
{
    private string _video = string.Empty;
    private VideoSource _source = null!;
    private PortraitAnalyzer _analyzer = null!;
    private Frame _frame = null!;

    [GlobalSetup]
    public void Setup()
    {
        _video = TestVideos.WriteAvi(Path.Combine(Path.GetTempPath(), $"portrait-bench-{Guid.NewGuid():N}.avi"), TestVideos.Repeat(PortraitScenes.Good, 50));
        _source = VideoSource.Open(new VideoSourceRequest(_video));
        _analyzer = new PortraitAnalyzer();
        _frame = PortraitScenes.FrameOf(PortraitScenes.Good);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _source.Dispose();
        _analyzer.Dispose();
        File.Delete(_video);
    }

    /// <summary>One frame grabbed from an MJPG source (decode + copy into a frame).</summary>
    [Benchmark]
    public Frame Grab() => Next();

    /// <summary>Face and eye detection and every quality measure on a 1280 × 720 frame.</summary>
    [Benchmark]
    public PortraitAnalysis Analyze() => _analyzer.Analyze(_frame);

    /// <summary>What the pump and the analysis do for each frame: grab, then analyse.</summary>
    [Benchmark]
    public PortraitAnalysis GrabAndAnalyze() => _analyzer.Analyze(Next());

    /// <summary>A preview frame as a viewer gets it by default: reduced to 640 wide, JPEG quality 75.</summary>
    [Benchmark]
    public EncodedImage PreviewEncode640() => _frame.EncodeJpeg(75, 640);

    /// <summary>A full-size preview frame, JPEG quality 75.</summary>
    [Benchmark]
    public EncodedImage PreviewEncodeFull() => _frame.EncodeJpeg(75);

    /// <summary>The token portrait of a capture (crop, level, JPEG 90).</summary>
    [Benchmark]
    public EncodedImage TokenCrop() => TokenPortrait.Crop(_frame, _analyzer.Analyze(_frame));

    private Frame Next()
    {
        if (_source.Read() is { } frame)
        {
            return frame;
        }

        _source.Rewind();
        return _source.Read()!;
    }
}
