namespace Gateway.Drivers.Serial.Framing;

/// <summary>Computes block check characters.</summary>
public static class BlockChecks
{
    /// <summary>The block check of <paramref name="data"/> with <paramref name="algorithm"/>; 0 for <see cref="BlockCheck.None"/>.</summary>
    public static byte Compute(BlockCheck algorithm, ReadOnlySpan<byte> data)
    {
        byte value = 0;
        foreach (var b in data)
        {
            value = algorithm switch
            {
                BlockCheck.Xor => (byte)(value ^ b),
                BlockCheck.Sum => unchecked((byte)(value + b)),
                _ => 0,
            };
        }

        return value;
    }

    /// <summary>How many bytes the block check takes on the wire.</summary>
    public static int Length(BlockCheck algorithm) => algorithm == BlockCheck.None ? 0 : 1;
}
