namespace Gateway.Drivers.Pcsc.Internal;

/// <summary>Reads the card capabilities of an ATR's historical bytes (ISO 7816-4 §8.1.1.2.7, compact TLV tag 7).</summary>
internal static class Atr
{
    /// <summary>Whether the third software function byte says "extended Lc and Le fields" (bit 7, 0x40).</summary>
    public static bool SupportsExtendedLength(ReadOnlySpan<byte> atr)
    {
        if (atr.Length < 2)
        {
            return false;
        }

        var historical = atr[1] & 0x0F;
        var position = 2;
        var indicator = atr[1] >> 4;
        while (true)
        {
            var interfaceBytes = System.Numerics.BitOperations.PopCount((uint)indicator);
            var hasNext = (indicator & 0x8) != 0;
            if (position + interfaceBytes > atr.Length)
            {
                return false;
            }

            var td = hasNext ? atr[position + interfaceBytes - 1] : 0;
            position += interfaceBytes;
            if (!hasNext)
            {
                break;
            }

            indicator = td >> 4;
        }

        if (position + historical > atr.Length || historical == 0 || atr[position] != 0x80)
        {
            return false;
        }

        var bytes = atr.Slice(position + 1, historical - 1);
        for (var i = 0; i < bytes.Length;)
        {
            var tag = bytes[i] >> 4;
            var length = bytes[i] & 0x0F;
            if (tag == 7 && length >= 3 && i + 3 < bytes.Length + 0 && i + 1 + length <= bytes.Length)
            {
                return (bytes[i + 3] & 0x40) != 0;
            }

            i += 1 + length;
        }

        return false;
    }
}
