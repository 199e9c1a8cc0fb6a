using System.IO.Pipelines;
using BenchmarkDotNet.Attributes;
using Gateway.Drivers.Serial.Framing;

namespace Gateway.Benchmarks;

/// <summary>
/// The serial driver's frame reader: <see cref="Frames"/> documents (TD3 and TD1 specimens, alternating) written into
/// an in-memory pipe at once and read back as frames. One operation is one frame.
/// </summary>
[MemoryDiagnoser]
public class FrameReaderBenchmark
{
    private const int Frames = 1000;
    private static readonly string[] Td3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];
    private static readonly string[] Td1 = ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"];
    private FrameProfile _profile = null!;
    private byte[] _stream = [];

    [Params("lines", "desko-cute", "3m-rte")]
    public string Profile { get; set; } = "lines";

    [GlobalSetup]
    public void Setup()
    {
        _profile = FrameProfiles.Find(Profile)!;
        _stream = [.. Enumerable.Range(0, Frames).SelectMany(i => FrameWriter.Document(_profile, i % 2 == 0 ? Td3 : Td1))];
    }

    [Benchmark(OperationsPerInvoke = Frames)]
    public async Task<int> ReadFrames()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        await pipe.Writer.WriteAsync(_stream);
        await pipe.Writer.CompleteAsync();
        var reader = new FrameReader(pipe.Reader, _profile);
        var frames = 0;
        while (await reader.ReadAsync() is Frame)
        {
            frames++;
        }

        return frames == Frames ? frames : throw new InvalidOperationException($"read {frames} frames of {Frames}");
    }
}
