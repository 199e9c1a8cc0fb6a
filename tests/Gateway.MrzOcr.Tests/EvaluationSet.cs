using Gateway.MrzOcr.TestMedia;

namespace Gateway.MrzOcr.Tests;

/// <summary>The fixed evaluation set, generated once per test run and read once by the reader.</summary>
public sealed class EvaluationSet
{
    public const int Count = 30;

    public EvaluationSet()
    {
        var reader = new MrzReader(new MrzReaderOptions { Budget = TimeSpan.FromSeconds(30) });
        Reads = [.. MrzSets.Evaluation(Count).Select(s => (s, reader.Read(s.Image)))];
    }

    public IReadOnlyList<(MrzSample Sample, MrzOcrResult Result)> Reads { get; }
}
