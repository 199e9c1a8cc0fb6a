namespace Gateway.Emrtd.Internal;

/// <summary>BER-TLV as ISO 7816-4 and Doc 9303 Part 10 use it: tags of one or more bytes, short and long form lengths.</summary>
internal static class Tlv
{
    /// <summary>Reads one TLV at <paramref name="position"/>; false when the data ends before it is complete.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, ref int position, out int tag, out int valueStart, out int valueLength)
    {
        tag = 0;
        valueStart = 0;
        valueLength = 0;
        var p = position;
        if (p >= data.Length)
        {
            return false;
        }

        tag = data[p++];
        if ((tag & 0x1F) == 0x1F)
        {
            do
            {
                if (p >= data.Length || tag > 0xFFFFFF)
                {
                    return false;
                }

                tag = tag << 8 | data[p];
            }
            while ((data[p++] & 0x80) != 0);
        }

        if (!TryReadLength(data, ref p, out valueLength) || valueLength > data.Length - p)
        {
            return false;
        }

        valueStart = p;
        position = p + valueLength;
        return true;
    }

    /// <summary>Reads a length; the total size of a TLV from its first bytes (a file's first 4–6 bytes are enough).</summary>
    public static bool TryReadLength(ReadOnlySpan<byte> data, ref int position, out int length)
    {
        length = 0;
        if (position >= data.Length)
        {
            return false;
        }

        var first = data[position++];
        if (first < 0x80)
        {
            length = first;
            return true;
        }

        var count = first & 0x7F;
        if (count is 0 or > 3 || position + count > data.Length)
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            length = length << 8 | data[position++];
        }

        return true;
    }

    /// <summary>Finds the first TLV with <paramref name="tag"/> among the TLVs of <paramref name="data"/> (not nested).</summary>
    public static bool TryFind(ReadOnlySpan<byte> data, int tag, out ReadOnlySpan<byte> value)
    {
        var position = 0;
        while (TryRead(data, ref position, out var t, out var start, out var length))
        {
            if (t == tag)
            {
                value = data.Slice(start, length);
                return true;
            }
        }

        value = default;
        return false;
    }

    public static byte[] Encode(int tag, ReadOnlySpan<byte> value)
    {
        var output = new List<byte>(value.Length + 6);
        if (tag > 0xFFFF)
        {
            output.Add((byte)(tag >> 16));
        }

        if (tag > 0xFF)
        {
            output.Add((byte)(tag >> 8));
        }

        output.Add((byte)tag);
        AddLength(output, value.Length);
        output.AddRange(value);
        return [.. output];
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static void AddLength(List<byte> output, int length)
    {
        if (length < 0x80)
        {
            output.Add((byte)length);
        }
        else if (length <= 0xFF)
        {
            output.Add(0x81);
            output.Add((byte)length);
        }
        else if (length <= 0xFFFF)
        {
            output.Add(0x82);
            output.Add((byte)(length >> 8));
            output.Add((byte)length);
        }
        else
        {
            output.Add(0x83);
            output.Add((byte)(length >> 16));
            output.Add((byte)(length >> 8));
            output.Add((byte)length);
        }
    }
}
