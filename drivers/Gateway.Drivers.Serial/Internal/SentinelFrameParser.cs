using Gateway.Drivers.Serial.Framing;

namespace Gateway.Drivers.Serial.Internal;

/// <summary>
/// Frames between start and end sentinels: <c>start [length] [header literal] [flag] data end [BCC]</c>. Bytes
/// before a start sentinel are noise; after a broken frame, everything up to the next start sentinel is dropped.
/// </summary>
internal sealed class SentinelFrameParser(FrameProfile profile) : FrameParser(profile)
{
    private readonly int _checkLength = BlockChecks.Length(profile.BlockCheck);

    public override int Parse(ReadOnlySpan<byte> window, long offset, StreamState state, out FrameEvent? found)
    {
        found = null;
        var (start, channel) = FindStart(window);
        if (Resyncing)
        {
            if (start >= 0)
            {
                Resyncing = false;
                return start;
            }

            if (state != StreamState.Open)
            {
                Resyncing = false;
                return window.Length;
            }

            return window.Length - PartialStartAtEnd(window);
        }

        if (start != 0)
        {
            var noise = start > 0 ? start
                : state != StreamState.Open ? window.Length
                : window.Length >= Window ? window.Length - PartialStartAtEnd(window)
                : 0;
            if (noise > 0)
            {
                found = new FrameError(offset, FrameErrorCodes.Noise, $"{noise} bytes outside any frame were skipped");
            }

            return noise;
        }

        return ParseFrame(window, offset, channel!, state, out found);
    }

    private int ParseFrame(ReadOnlySpan<byte> window, long offset, FrameChannel channel, StreamState state, out FrameEvent? found)
    {
        found = null;
        var startLength = channel.Start.Length;
        var literalAt = startLength + Profile.LengthFieldBytes;
        var dataAt = literalAt + Profile.HeaderLiteral.Length + Profile.FlagBytes;
        if (window.Length < dataAt)
        {
            return Cut(window, offset, state, out found);
        }

        if (!window.Slice(literalAt, Profile.HeaderLiteral.Length).SequenceEqual(Profile.HeaderLiteral.Span))
        {
            found = new FrameError(offset + literalAt, FrameErrorCodes.InvalidByte, $"the header at frame byte {literalAt} is not the profile's");
            Resyncing = true;
            return startLength;
        }

        var end = channel.End.Span;
        var j = dataAt;
        for (; ; j++)
        {
            if (j + end.Length + _checkLength > Profile.MaxFrameLength)
            {
                found = new FrameError(offset, FrameErrorCodes.TooLong, $"no end sentinel within {Profile.MaxFrameLength} bytes");
                Resyncing = true;
                return j;
            }

            if (j >= window.Length)
            {
                return Cut(window, offset, state, out found);
            }

            var rest = window[j..];
            if (rest.StartsWith(end))
            {
                break;
            }

            if (end.StartsWith(rest))
            {
                return Cut(window, offset, state, out found);
            }

            var b = window[j];
            if (Allowed(b, channel.Content))
            {
                continue;
            }

            var (next, _) = FindStart(rest);
            if (next == 0)
            {
                found = new FrameError(offset, FrameErrorCodes.Incomplete, $"a new frame started at frame byte {j} before this one ended");
                return j;
            }

            if (PartialStartAtEnd(rest) == rest.Length)
            {
                return Cut(window, offset, state, out found);
            }

            found = new FrameError(offset + j, FrameErrorCodes.InvalidByte, $"byte 0x{b:X2} at frame byte {j} is not allowed in {channel.Content} data");
            Resyncing = true;
            return j + 1;
        }

        var afterEnd = j + end.Length;
        var total = afterEnd + _checkLength;
        if (window.Length < total)
        {
            return Cut(window, offset, state, out found);
        }

        if (_checkLength > 0)
        {
            var expected = BlockChecks.Compute(Profile.BlockCheck, window[startLength..afterEnd]);
            if (window[afterEnd] != expected)
            {
                found = new FrameError(offset, FrameErrorCodes.BlockCheck, $"{Profile.BlockCheck} block check 0x{window[afterEnd]:X2}, expected 0x{expected:X2}");
                return total;
            }
        }

        var data = window[dataAt..j];
        found = channel.Content == FrameContent.Barcode
            ? Barcode(offset, data)
            : new Frame(offset, FrameContent.Mrz, data.ToArray()) { Lines = Lines(data) };
        return total;
    }

    /// <summary>The frame has not ended yet: wait, or when the stream paused or ended, report it incomplete.</summary>
    private int Cut(ReadOnlySpan<byte> window, long offset, StreamState state, out FrameEvent? found)
    {
        found = state switch
        {
            StreamState.Open => null,
            StreamState.Paused => new FrameError(offset, FrameErrorCodes.Incomplete, $"no byte for {Pause(Profile)} after {window.Length} bytes of a frame"),
            _ => new FrameError(offset, FrameErrorCodes.Incomplete, $"the stream ended after {window.Length} bytes of a frame"),
        };
        return found is null ? 0 : window.Length;
    }

    private static bool Allowed(byte b, FrameContent content) => content == FrameContent.Mrz
        ? IsText(b) || b is Cr or Lf
        // Barcode payloads carry separators: AAMVA uses LF, RS and CR; GS1 and ISO/IEC 15434 use EOT, FS, GS, RS, US.
        : IsText(b) || b is 0x04 or 0x09 or Lf or Cr or 0x1C or 0x1D or 0x1E or 0x1F;

    /// <summary>The earliest complete start sentinel of any channel, or -1.</summary>
    private (int Index, FrameChannel? Channel) FindStart(ReadOnlySpan<byte> window)
    {
        var best = (-1, (FrameChannel?)null);
        foreach (var channel in Profile.Channels)
        {
            var at = window.IndexOf(channel.Start.Span);
            if (at >= 0 && (best.Item1 < 0 || at < best.Item1))
            {
                best = (at, channel);
            }
        }

        return best;
    }

    /// <summary>How many bytes at the end of <paramref name="window"/> could be the beginning of a start sentinel.</summary>
    private int PartialStartAtEnd(ReadOnlySpan<byte> window)
    {
        var longest = 0;
        foreach (var channel in Profile.Channels)
        {
            var start = channel.Start.Span;
            for (var n = Math.Min(start.Length - 1, window.Length); n > longest; n--)
            {
                if (window[^n..].SequenceEqual(start[..n]))
                {
                    longest = n;
                    break;
                }
            }
        }

        return longest;
    }
}
