using Gateway.Drivers.Serial.Framing;

namespace Gateway.Drivers.Serial.Internal;

/// <summary>
/// Bare lines: a document is a run of non-empty lines ended by an empty line, by the optional end sentinel, or by a
/// pause of the inter-byte timeout after a complete line. A first line that starts with an AIM symbology identifier
/// is a barcode on its own. After a broken document, everything up to the next empty line or pause is dropped.
/// </summary>
internal sealed class LineFrameParser(FrameProfile profile) : FrameParser(profile)
{
    private readonly byte[] _end = profile.Channels[0].End.ToArray();

    public override int Parse(ReadOnlySpan<byte> window, long offset, StreamState state, out FrameEvent? found)
    {
        found = null;
        if (Resyncing)
        {
            return SkipBrokenDocument(window, state);
        }

        var leading = 0;
        while (leading < window.Length && window[leading] is Cr or Lf)
        {
            leading++;
        }

        if (leading > 0)
        {
            return leading;
        }

        var lineCount = 0;
        var pos = 0;
        while (true)
        {
            var j = pos;
            for (; ; j++)
            {
                if (j >= Profile.MaxFrameLength)
                {
                    found = new FrameError(offset, FrameErrorCodes.TooLong, $"no document end within {Profile.MaxFrameLength} bytes");
                    Resyncing = true;
                    return j;
                }

                if (j >= window.Length)
                {
                    return Unended(window, offset, state, complete: j == pos && lineCount > 0, out found);
                }

                var rest = window[j..];
                if (_end.Length > 0 && rest.StartsWith(_end))
                {
                    found = Document(window[..j], offset);
                    return j + _end.Length;
                }

                if (_end.Length > 0 && _end.AsSpan().StartsWith(rest))
                {
                    return Unended(window, offset, state, complete: false, out found);
                }

                var b = window[j];
                if (b is Cr or Lf)
                {
                    break;
                }

                if (!IsText(b))
                {
                    found = new FrameError(offset + j, FrameErrorCodes.InvalidByte, $"byte 0x{b:X2} at document byte {j} is not text");
                    Resyncing = true;
                    return j + 1;
                }
            }

            int separator;
            if (window[j] == Lf)
            {
                separator = 1;
            }
            else if (j + 1 < window.Length)
            {
                separator = window[j + 1] == Lf ? 2 : 1;
            }
            else if (state == StreamState.Open)
            {
                return 0; // a CR whose LF may still come
            }
            else
            {
                separator = 1;
            }

            if (j == pos)
            {
                // An empty line ends the document.
                found = Document(window[..pos], offset);
                return j + separator;
            }

            lineCount++;
            if (lineCount == 1 && window[pos] == (byte)']')
            {
                found = Barcode(offset, window[pos..j]);
                return j + separator;
            }

            pos = j + separator;
        }
    }

    private Frame Document(ReadOnlySpan<byte> bytes, long offset) =>
        new(offset, FrameContent.Mrz, bytes.ToArray()) { Lines = Lines(bytes) };

    /// <summary>The bytes end before the document does: wait, deliver after a pause, or report it incomplete.</summary>
    private int Unended(ReadOnlySpan<byte> window, long offset, StreamState state, bool complete, out FrameEvent? found)
    {
        found = state switch
        {
            StreamState.Open => null,
            StreamState.Paused when complete => Document(window, offset),
            StreamState.Paused => new FrameError(offset, FrameErrorCodes.Incomplete, $"no byte for {Pause(Profile)} in the middle of a line, after {window.Length} bytes"),
            _ => new FrameError(offset, FrameErrorCodes.Incomplete, $"the stream ended after {window.Length} bytes of a document"),
        };
        return found is null ? 0 : window.Length;
    }

    /// <summary>Drops the rest of a broken document: up to and including the next empty line, or all after a pause.</summary>
    private int SkipBrokenDocument(ReadOnlySpan<byte> window, StreamState state)
    {
        // The first line is the rest of the broken line, so an empty line can only come after it.
        for (var j = 0; j < window.Length; j++)
        {
            if (window[j] is not (Cr or Lf))
            {
                continue;
            }

            var next = j + (window[j] == Cr && j + 1 < window.Length && window[j + 1] == Lf ? 2 : 1);
            if (next < window.Length && window[next] is Cr or Lf)
            {
                Resyncing = false;
                return next + (window[next] == Cr && next + 1 < window.Length && window[next + 1] == Lf ? 2 : 1);
            }

            j = next - 1;
        }

        if (state != StreamState.Open || window.Length >= Window)
        {
            Resyncing = state == StreamState.Open;
            return window.Length;
        }

        return 0;
    }
}
