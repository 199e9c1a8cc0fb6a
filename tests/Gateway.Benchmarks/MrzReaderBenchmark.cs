using BenchmarkDotNet.Attributes;
using Gateway.MrzOcr;
using Gateway.MrzOcr.TestMedia;

namespace Gateway.Benchmarks;

/// <summary>MRZ OCR of one page scan and one camera frame of the evaluation set, from the encoded file.</summary>
[MemoryDiagnoser]
public class MrzReaderBenchmark
{
    private readonly MrzReader _reader = new();
    private byte[] _page = [];
    private byte[] _camera = [];

    [GlobalSetup]
    public void Setup()
    {
        var samples = MrzSets.Evaluation(6).ToList();
        _page = samples.First(s => s.Kind == "page" && s.Format == Mrz.MrzFormat.Td3).Image;
        _camera = samples.First(s => s.Kind == "camera").Image;
    }

    [Benchmark]
    public bool Page() => _reader.Read(_page).Found;

    [Benchmark]
    public bool CameraFrame() => _reader.Read(_camera).Found;
}
