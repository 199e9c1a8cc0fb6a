namespace Gateway.Drivers.Camera.Internal;

/// <summary>
/// Publishes a document reading once it was read in <c>stableFrames</c> consecutive frames, and again only after it
/// was absent for as many frames (the document was taken away and shown again).
/// </summary>
internal sealed class DocumentGate(int stableFrames)
{
    private readonly Dictionary<string, State> _seen = new(StringComparer.Ordinal);

    /// <summary>Takes the readings of one frame; returns those that just became stable.</summary>
    public IReadOnlyList<DocumentReading> Observe(IReadOnlyList<DocumentReading> readings)
    {
        var stable = new List<DocumentReading>();
        var keys = new HashSet<string>(readings.Select(r => r.Key), StringComparer.Ordinal);
        foreach (var reading in readings.DistinctBy(r => r.Key))
        {
            var state = _seen.TryGetValue(reading.Key, out var s) ? s : new State();
            state.Streak++;
            state.Missing = 0;
            if (state.Streak >= stableFrames && !state.Published)
            {
                state.Published = true;
                stable.Add(reading);
            }

            _seen[reading.Key] = state;
        }

        foreach (var key in _seen.Keys.Where(k => !keys.Contains(k)).ToArray())
        {
            var state = _seen[key];
            state.Streak = 0;
            if (++state.Missing >= stableFrames)
            {
                _seen.Remove(key);
            }
        }

        return stable;
    }

    private sealed class State
    {
        public int Streak { get; set; }

        public int Missing { get; set; }

        public bool Published { get; set; }
    }
}
