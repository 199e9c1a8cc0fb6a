using System.Buffers.Binary;
using System.Numerics.Tensors;

namespace Gateway.MrzOcr.Internal;

/// <summary>
/// The recogniser: a small multilayer perceptron (one hidden ReLU layer, softmax over the 37 MRZ characters) on a cell
/// from <see cref="CellSampler"/>. Its weights are an embedded resource (about 90 KB of half-precision floats) made by
/// the training tool from OCR-B renderings; nothing is downloaded or rendered at run time.
/// </summary>
internal sealed class CharClassifier
{
    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

    private static readonly Lazy<CharClassifier> Embedded = new(Load);

    public CharClassifier(int inputs, int hidden, float[] w1, float[] b1, float[] w2, float[] b2)
    {
        (Inputs, Hidden, W1, B1, W2, B2) = (inputs, hidden, w1, b1, w2, b2);
    }

    public static CharClassifier Default => Embedded.Value;

    public int Inputs { get; }

    public int Hidden { get; }

    public float[] W1 { get; }

    public float[] B1 { get; }

    public float[] W2 { get; }

    public float[] B2 { get; }

    /// <summary>Class probabilities of one cell's features.</summary>
    public float[] Classify(ReadOnlySpan<float> features)
    {
        var output = new float[Alphabet.Length];
        Classify(features, output);
        return output;
    }

    /// <summary>Class probabilities of one cell's features, into <paramref name="output"/> (one per character of <see cref="Alphabet"/>).</summary>
    public void Classify(ReadOnlySpan<float> features, Span<float> output)
    {
        Span<float> hidden = Hidden <= 1024 ? stackalloc float[Hidden] : new float[Hidden];
        for (var h = 0; h < Hidden; h++)
        {
            hidden[h] = B1[h] + Dot(W1.AsSpan(h * Inputs, Inputs), features);
        }

        TensorPrimitives.Max(hidden, 0f, hidden);
        var scores = output[..Alphabet.Length];
        for (var o = 0; o < scores.Length; o++)
        {
            scores[o] = B2[o] + Dot(W2.AsSpan(o * Hidden, Hidden), hidden);
        }

        TensorPrimitives.SoftMax(scores, scores);
    }

    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.Dot(a, b);

    /// <summary>Writes the model: "MRZ1", inputs, hidden, then W1, B1, W2, B2 as little-endian halves.</summary>
    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.ASCII, leaveOpen: true);
        writer.Write("MRZ1"u8);
        writer.Write(Inputs);
        writer.Write(Hidden);
        foreach (var array in (float[][])[W1, B1, W2, B2])
        {
            foreach (var value in array)
            {
                writer.Write((Half)value);
            }
        }
    }

    public static CharClassifier Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 12 || !bytes[..4].SequenceEqual("MRZ1"u8))
        {
            throw new InvalidDataException("Not an MRZ recogniser model.");
        }

        var inputs = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        var hidden = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        var offset = 12;
        var arrays = new float[4][];
        int[] counts = [inputs * hidden, hidden, hidden * Alphabet.Length, Alphabet.Length];
        if (bytes.Length != offset + (counts.Sum() * 2))
        {
            throw new InvalidDataException("The MRZ recogniser model is truncated.");
        }

        for (var a = 0; a < arrays.Length; a++)
        {
            arrays[a] = new float[counts[a]];
            for (var i = 0; i < counts[a]; i++)
            {
                arrays[a][i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes[offset..]);
                offset += 2;
            }
        }

        return new CharClassifier(inputs, hidden, arrays[0], arrays[1], arrays[2], arrays[3]);
    }

    private static CharClassifier Load()
    {
        using var stream = typeof(CharClassifier).Assembly.GetManifestResourceStream("Gateway.MrzOcr.ocrb-mlp.bin")
            ?? throw new InvalidOperationException("The MRZ recogniser model is missing from the assembly.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Read(memory.ToArray());
    }
}
