namespace Gateway.Barcodes.Vds.Internal;

/// <summary>
/// The DER length form of the message and signature zones (Doc 9303 Part 13 §2.4): one byte below 0x80, or 0x81–0x84
/// followed by that many big-endian length bytes. Indefinite (0x80) and longer forms are rejected.
/// </summary>
internal static class DerLength
{
    /// <summary>Reads a length at <paramref name="offset"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, int offset, out int length, out int size, out string error)
    {
        length = 0;
        size = 0;
        error = "";
        if (offset >= data.Length)
        {
            error = "The seal ends before the length byte.";
            return false;
        }

        var first = data[offset];
        if (first < 0x80)
        {
            length = first;
            size = 1;
            return true;
        }

        var count = first & 0x7F;
        if (count is 0 or > 4)
        {
            error = count == 0 ? "Indefinite length (0x80) is not allowed." : $"Length form 0x{first:X2} is not a DER length.";
            return false;
        }

        if (offset + 1 + count > data.Length)
        {
            error = "The seal ends inside a length.";
            return false;
        }

        long value = 0;
        for (var i = 1; i <= count; i++)
        {
            value = (value << 8) | data[offset + i];
        }

        if (value > int.MaxValue)
        {
            error = $"Length {value} is beyond any seal.";
            return false;
        }

        length = (int)value;
        size = 1 + count;
        return true;
    }
}
