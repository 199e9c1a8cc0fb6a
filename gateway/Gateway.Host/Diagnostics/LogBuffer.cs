using System.Threading.Channels;

namespace Gateway.Host.Diagnostics;

/// <summary>One line of the gateway's own log.</summary>
internal sealed record LogLine(DateTimeOffset Time, LogLevel Level, string Category, int EventId, string Message, string Exception);

/// <summary>
/// A logger provider that keeps the gateway's most recent log lines in memory and offers new ones to watchers
/// (<c>gatewayctl diag logs</c>, support bundles). The lines are the gateway's own messages, which never carry personal
/// data; scopes and state objects are not kept. Each watcher has a bounded buffer that drops its oldest line when full,
/// so a slow watcher never slows logging.
/// </summary>
internal sealed class LogBuffer(int capacity, TimeProvider time) : ILoggerProvider
{
    private const int WatcherBuffer = 1000;
    private readonly Lock _gate = new();
    private readonly Queue<LogLine> _lines = new();
    private readonly List<Channel<LogLine>> _watchers = [];

    public ILogger CreateLogger(string categoryName) => new BufferLogger(this, categoryName);

    /// <summary>The most recent <paramref name="count"/> lines at or above <paramref name="minimum"/>, oldest first.</summary>
    public IReadOnlyList<LogLine> Tail(int count, LogLevel minimum)
    {
        lock (_gate)
        {
            var matching = _lines.Where(l => l.Level >= minimum).ToList();
            return matching.Count <= count ? matching : matching[^count..];
        }
    }

    /// <summary>The tail and a reader of every line written after it, taken together so none falls between.</summary>
    public (IReadOnlyList<LogLine> Tail, ChannelReader<LogLine> Live) Watch(int count, LogLevel minimum, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(WatcherBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        IReadOnlyList<LogLine> tail;
        lock (_gate)
        {
            tail = Tail(count, minimum);
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
        return (tail, channel.Reader);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryComplete();
            }

            _watchers.Clear();
        }
    }

    private void Add(LogLine line)
    {
        lock (_gate)
        {
            if (_lines.Count == capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(line);
            }
        }
    }

    private sealed class BufferLogger(LogBuffer buffer, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            // The exception's type and message only: stack traces belong in the service's own log, not in a bundle.
            var error = exception is null ? string.Empty : $"{exception.GetType().Name}: {exception.Message}";
            buffer.Add(new LogLine(buffer.Now, logLevel, category, eventId.Id, formatter(state, exception), error));
        }
    }

    private DateTimeOffset Now => time.GetUtcNow();
}
