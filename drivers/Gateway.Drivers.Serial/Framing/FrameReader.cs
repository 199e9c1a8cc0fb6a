using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using Gateway.Drivers.Serial.Internal;

namespace Gateway.Drivers.Serial.Framing;

/// <summary>
/// Reads frames of a <see cref="FrameProfile"/> from a byte stream, independent of where the bytes come from (a
/// serial port, a pipe in a test). Torn, garbled, overlong and failed frames come back as <see cref="FrameError"/>s
/// and reading goes on at the next frame; a frame is returned only when it is complete.
/// </summary>
public sealed class FrameReader
{
    private readonly PipeReader _input;
    private readonly FrameParser _parser;
    private readonly TimeSpan _pause;
    private readonly TimeProvider _time;
    private long _position;
    private long _lastDataAt;
    private bool _waiting;
    private ReadResult _last;
    private bool _haveLast;

    /// <summary>Reads frames from <paramref name="input"/>.</summary>
    /// <param name="input">The bytes.</param>
    /// <param name="profile">How the bytes are framed.</param>
    /// <param name="timeProvider">The clock of the inter-byte timeout (default: the system clock).</param>
    public FrameReader(PipeReader input, FrameProfile profile, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(profile);
        _input = input;
        _parser = FrameParser.For(profile);
        _pause = profile.InterByteTimeout;
        _time = timeProvider ?? TimeProvider.System;
        _lastDataAt = _time.GetTimestamp();
    }

    /// <summary>Reads frames from <paramref name="input"/>.</summary>
    /// <param name="input">The bytes.</param>
    /// <param name="profile">How the bytes are framed.</param>
    /// <param name="timeProvider">The clock of the inter-byte timeout (default: the system clock).</param>
    public FrameReader(Stream input, FrameProfile profile, TimeProvider? timeProvider = null)
        : this(PipeReader.Create(input, new StreamPipeReaderOptions(bufferSize: 4096, leaveOpen: true)), profile, timeProvider)
    {
    }

    /// <summary>The next frame or framing error; null when the stream has ended (after any incomplete frame is reported).</summary>
    public async ValueTask<FrameEvent?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (!_haveLast)
            {
                _last = await ReadMoreAsync(cancellationToken);
                _haveLast = true;
            }

            var buffer = _last.Buffer;
            var state = _last.IsCompleted ? StreamState.Ended
                : _last.IsCanceled && _time.GetElapsedTime(_lastDataAt) >= _pause ? StreamState.Paused
                : StreamState.Open;
            if (buffer.IsEmpty && state == StreamState.Ended)
            {
                _input.AdvanceTo(buffer.End);
                _haveLast = false;
                return null;
            }

            var found = Parse(ref buffer, state);
            if (found is not null)
            {
                // Consumed up to the event; the rest is looked at again by the next call, without waiting.
                _last = new ReadResult(buffer, isCanceled: false, _last.IsCompleted);
                if (buffer.IsEmpty && !_last.IsCompleted)
                {
                    _input.AdvanceTo(buffer.Start);
                    _haveLast = false;
                    _waiting = _parser.Resyncing;
                }

                return found;
            }

            _input.AdvanceTo(buffer.Start, buffer.End);
            _haveLast = false;
            _waiting = !buffer.IsEmpty || _parser.Resyncing;
            if (state == StreamState.Paused)
            {
                // The parser made no progress on a pause only when it had nothing to say: start the pause over.
                _lastDataAt = _time.GetTimestamp();
            }
        }
    }

    /// <summary>Every frame and framing error until the stream ends.</summary>
    public async IAsyncEnumerable<FrameEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await ReadAsync(cancellationToken) is { } found)
        {
            yield return found;
        }
    }

    private FrameEvent? Parse(ref ReadOnlySequence<byte> buffer, StreamState state)
    {
        var window = _parser.Window;
        byte[]? rented = null;
        try
        {
            while (true)
            {
                var length = (int)Math.Min(buffer.Length, window);
                ReadOnlySpan<byte> span;
                if (buffer.FirstSpan.Length >= length)
                {
                    span = buffer.FirstSpan[..length];
                }
                else
                {
                    rented ??= ArrayPool<byte>.Shared.Rent(window);
                    buffer.Slice(0, length).CopyTo(rented);
                    span = rented.AsSpan(0, length);
                }

                // A window cut short by the parser's limit is not the end of the stream.
                var windowState = length < buffer.Length ? StreamState.Open : state;
                var consumed = _parser.Parse(span, _position, windowState, out var found);
                buffer = buffer.Slice(consumed);
                _position += consumed;
                if (found is not null || consumed == 0 || buffer.IsEmpty)
                {
                    return found;
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private async ValueTask<ReadResult> ReadMoreAsync(CancellationToken cancellationToken)
    {
        ReadResult result;
        if (!_waiting)
        {
            result = await _input.ReadAsync(cancellationToken);
        }
        else
        {
            // Mid-frame: a pause longer than the inter-byte timeout ends the wait (CancelPendingRead, not an exception).
            var remaining = _pause - _time.GetElapsedTime(_lastDataAt);
            using var timer = _time.CreateTimer(
                static reader => ((PipeReader)reader!).CancelPendingRead(),
                _input,
                remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero,
                Timeout.InfiniteTimeSpan);
            result = await _input.ReadAsync(cancellationToken);
        }

        if (!result.IsCanceled)
        {
            _lastDataAt = _time.GetTimestamp();
        }

        return result;
    }
}
