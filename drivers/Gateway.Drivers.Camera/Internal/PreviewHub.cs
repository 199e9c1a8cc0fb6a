using System.Threading.Channels;

namespace Gateway.Drivers.Camera.Internal;

/// <summary>
/// The preview viewers: each has its own bounded channel that drops its oldest frame, so publishing never waits and
/// one slow viewer costs the others nothing.
/// </summary>
internal sealed class PreviewHub
{
    private readonly Lock _gate = new();
    private Channel<PreviewFrame>[] _viewers = [];
    private bool _completed;

    public int Count => Volatile.Read(ref _viewers).Length;

    public ChannelReader<PreviewFrame> Subscribe(int capacity, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var channel = Channel.CreateBounded<PreviewFrame>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true });
        lock (_gate)
        {
            if (_completed)
            {
                channel.Writer.TryComplete();
                return channel.Reader;
            }

            _viewers = [.. _viewers, channel];
        }

        cancellationToken.Register(() => Remove(channel));
        return channel.Reader;
    }

    /// <summary>Offers a frame to every viewer; never waits.</summary>
    public void Publish(PreviewFrame frame)
    {
        foreach (var viewer in Volatile.Read(ref _viewers))
        {
            viewer.Writer.TryWrite(frame);
        }
    }

    /// <summary>Ends every viewer's stream (the device stopped).</summary>
    public void Complete()
    {
        Channel<PreviewFrame>[] viewers;
        lock (_gate)
        {
            _completed = true;
            viewers = _viewers;
            _viewers = [];
        }

        foreach (var viewer in viewers)
        {
            viewer.Writer.TryComplete();
        }
    }

    private void Remove(Channel<PreviewFrame> channel)
    {
        lock (_gate)
        {
            _viewers = [.. _viewers.Where(v => v != channel)];
        }

        channel.Writer.TryComplete();
    }
}
