using Gateway.Contracts.V1;

namespace Gateway.Host.Captures;

/// <summary>
/// The captures held for resume until acknowledged, oldest first, bounded by count and bytes (the oldest go first).
/// Not thread-safe: <see cref="CaptureHub"/> serialises access.
/// </summary>
internal sealed class CaptureStore(int maxCount, long maxBytes)
{
    private readonly LinkedList<Capture> _captures = new();
    private readonly Dictionary<string, LinkedListNode<Capture>> _byId = new(StringComparer.Ordinal);
    private long _bytes;

    public int Count => _captures.Count;

    public long Bytes => _bytes;

    /// <summary>Adds a capture; returns how many old captures were dropped to stay within the bounds.</summary>
    public int Append(Capture capture)
    {
        _byId[capture.Id] = _captures.AddLast(capture);
        _bytes += capture.CalculateSize();
        var dropped = 0;
        while (_captures.Count > 1 && (_captures.Count > maxCount || _bytes > maxBytes))
        {
            Remove(_captures.First!);
            dropped++;
        }

        return dropped;
    }

    /// <summary>The held captures with a sequence above <paramref name="sequence"/>, in order.</summary>
    public List<Capture> After(ulong sequence)
    {
        var result = new List<Capture>();
        for (var node = _captures.Last; node is not null && node.Value.Sequence > sequence; node = node.Previous)
        {
            result.Add(node.Value);
        }

        result.Reverse();
        return result;
    }

    /// <summary>Releases acknowledged captures; returns how many were held.</summary>
    public int Release(IEnumerable<string> ids)
    {
        var released = 0;
        foreach (var id in ids)
        {
            if (_byId.TryGetValue(id, out var node))
            {
                Remove(node);
                released++;
            }
        }

        return released;
    }

    private void Remove(LinkedListNode<Capture> node)
    {
        _captures.Remove(node);
        _byId.Remove(node.Value.Id);
        _bytes -= node.Value.CalculateSize();
    }
}
