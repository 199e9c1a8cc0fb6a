namespace Gateway.Mrz.Internal;

/// <summary>
/// Enumerates combinations of per-dimension choices in increasing total cost, each exactly once, when every dimension's
/// costs are sorted ascending (first choice 0). A combination's children increment one dimension at or after the last
/// non-zero one, so every combination has exactly one parent and no visited set is needed.
/// </summary>
internal static class BestFirst
{
    public static IEnumerable<(byte[] Choice, double Cost)> Enumerate(double[][] costs, int maxCount)
    {
        var queue = new PriorityQueue<(byte[] Choice, int Pivot), double>();
        queue.Enqueue((new byte[costs.Length], 0), 0);
        var count = 0;
        while (queue.TryDequeue(out var state, out var cost) && count++ < maxCount)
        {
            yield return (state.Choice, cost);
            for (var d = state.Pivot; d < costs.Length; d++)
            {
                var next = state.Choice[d] + 1;
                if (next >= costs[d].Length)
                {
                    continue;
                }

                var child = (byte[])state.Choice.Clone();
                child[d] = (byte)next;
                queue.Enqueue((child, d), cost + costs[d][next] - costs[d][next - 1]);
            }
        }
    }
}
