using Gateway.Mrz;

namespace Gateway.MrzOcr.TestMedia;

/// <summary>
/// The generated sets. The evaluation set is drawn from its own fixed seed and is never used to train or tune the
/// recogniser; the training set (used by the model tool) comes from a different seed range.
/// </summary>
public static class MrzSets
{
    /// <summary>Seed of the fixed evaluation set.</summary>
    public const int EvaluationSeed = 20_260_612;

    /// <summary>First seed of the training set (sample i uses seed + i); far from <see cref="EvaluationSeed"/>.</summary>
    public const int TrainingSeed = 1_000;

    /// <summary>
    /// The evaluation set: <paramref name="count"/> samples, formats TD3, TD1, TD2 in turn, every other one a camera
    /// frame, the rest page scans.
    /// </summary>
    public static IEnumerable<MrzSample> Evaluation(int count = 60) => Generate(EvaluationSeed, count);

    /// <summary>Training samples, drawn like the evaluation set from other seeds.</summary>
    public static IEnumerable<MrzSample> Training(int count, int first = 0) => Generate(TrainingSeed + first, count, first);

    private static IEnumerable<MrzSample> Generate(int seed, int count, int first = 0)
    {
        MrzFormat[] formats = [MrzFormat.Td3, MrzFormat.Td1, MrzFormat.Td2];
        for (var i = first; i < first + count; i++)
        {
            var format = formats[i % 3];
            var camera = (i / 3) % 2 == 1;
            var random = new Random(seed * 7919 + i);
            yield return MrzScenes.Generate(random, $"{i:000}-{format}-{(camera ? "camera" : "page")}", format, camera);
        }
    }
}
