using System.Threading.Channels;
using Gateway.Contracts.V1;

namespace Gateway.Host.Devices;

/// <summary>
/// Fans device events out to watchers. Each watcher has a bounded buffer that drops its oldest event when full:
/// a slow watcher loses intermediate states, never the device's progress, and can always ask for the current state.
/// </summary>
internal sealed class DeviceEventHub
{
    private const int Buffer = 256;
    private readonly Lock _gate = new();
    private readonly List<Channel<DeviceEvent>> _watchers = [];

    public void Publish(DeviceEvent deviceEvent)
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(deviceEvent);
            }
        }
    }

    public ChannelReader<DeviceEvent> Watch(CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<DeviceEvent>(new BoundedChannelOptions(Buffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            _watchers.Add(channel);
        }

        cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                _watchers.Remove(channel);
            }

            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }
}
