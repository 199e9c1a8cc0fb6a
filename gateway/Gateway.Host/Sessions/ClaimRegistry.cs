namespace Gateway.Host.Sessions;

/// <summary>Which session holds which device. A device is held by at most one session.</summary>
internal sealed class ClaimRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string SessionId, string BoothId)> _claims = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Claims every device for the session, or none: returns the first device another session holds.</summary>
    public (string DeviceId, string BoothId)? TryClaim(IEnumerable<string> deviceIds, string sessionId, string boothId)
    {
        lock (_gate)
        {
            var ids = deviceIds.ToArray();
            foreach (var id in ids)
            {
                if (_claims.TryGetValue(id, out var holder) && holder.SessionId != sessionId)
                {
                    return (id, holder.BoothId);
                }
            }

            foreach (var id in ids)
            {
                _claims[id] = (sessionId, boothId);
            }

            return null;
        }
    }

    /// <summary>The booth holding the device, if any.</summary>
    public string? HolderOf(string deviceId)
    {
        lock (_gate)
        {
            return _claims.TryGetValue(deviceId, out var holder) ? holder.BoothId : null;
        }
    }

    /// <summary>Releases every device the session holds.</summary>
    public void Release(string sessionId)
    {
        lock (_gate)
        {
            foreach (var id in _claims.Where(c => c.Value.SessionId == sessionId).Select(c => c.Key).ToArray())
            {
                _claims.Remove(id);
            }
        }
    }
}
