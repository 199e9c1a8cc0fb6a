using Gateway.Barcodes.Internal;

namespace Gateway.Barcodes.Bcbp.Internal;

/// <summary>The text being read and the result being built, shared by the BCBP section readers.</summary>
internal sealed class BcbpContext(string text, ResultBuilder result)
{
    private bool _lowercaseReported;

    public string Text => text;

    public ResultBuilder Result => result;

    public int Length => text.Length;

    /// <summary>
    /// Reads items in order from <paramref name="start"/> up to <paramref name="end"/>; a conditional section may stop
    /// after any item, so running out of room between items is normal. Returns the position after the last item read.
    /// </summary>
    public int ReadItems(IReadOnlyList<BcbpItem> items, string group, int start, int end)
    {
        var position = start;
        foreach (var item in items)
        {
            if (position >= end)
            {
                break;
            }

            var take = Math.Min(item.Length, end - position);
            if (take < item.Length)
            {
                Result.Deviation(
                    "item_cut_short",
                    position,
                    $"Item {item.Code} ({item.Name}) needs {item.Length} characters but its section leaves {take}; read as is.");
            }

            ReadItem(item, group, position, take);
            position += take;
        }

        return position;
    }

    /// <summary>Reads one item, folding lowercase in structured items (a real-world quirk; the standard is uppercase).</summary>
    public PayloadField ReadItem(BcbpItem item, string group, int start, int length)
    {
        var raw = text.Substring(start, length);
        if (item.Structured)
        {
            raw = Fold(raw, start);
        }

        // Free text keeps its leading spaces (they can carry meaning in airline individual use); trailing ones are padding.
        var value = item.Structured ? raw.Trim(' ') : raw.TrimEnd(' ');
        Result.Field(group, item.Name, raw, item.Code, start, value);
        BcbpItemChecks.Check(this, item, group, value, start);
        return Result.Fields[^1];
    }

    /// <summary>Folds lowercase letters, reporting the first occurrence once per payload as a deviation.</summary>
    public string Fold(string raw, int offset)
    {
        var index = raw.AsSpan().IndexOfAnyInRange('a', 'z');
        if (index < 0)
        {
            return raw;
        }

        if (!_lowercaseReported)
        {
            _lowercaseReported = true;
            Result.Deviation("lowercase_folded", offset + index, "Lowercase letters in structured items; read as uppercase.");
        }

        return raw.ToUpperInvariant();
    }

    public bool TryHex(int start, int length, string code, string what, out int value)
    {
        if (PayloadText.TryParseHex(text, start, length, out value))
        {
            return true;
        }

        if (start + length > text.Length)
        {
            Result.Error("truncated", Math.Min(start, text.Length), $"The payload ends inside item {code} ({what}).");
            return false;
        }

        Result.Error("size_not_hex", start, $"Item {code} ({what}) must be {length} hexadecimal digits.");
        return false;
    }
}
