using Gateway.Contracts.V1;

namespace Gateway.Host.Sessions;

/// <summary>The latest traveller records by id, for GetRecord; the oldest are dropped beyond the configured count.</summary>
internal sealed class RecordStore(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TravellerRecord> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<string> _order = new();

    public void Add(TravellerRecord record)
    {
        lock (_gate)
        {
            _byId[record.Id] = record;
            _order.Enqueue(record.Id);
            while (_order.Count > capacity && _order.TryDequeue(out var oldest))
            {
                _byId.Remove(oldest);
            }
        }
    }

    public TravellerRecord? Find(string id)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(id);
        }
    }
}
