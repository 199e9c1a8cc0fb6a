using System.Diagnostics;

namespace Gateway.Drivers.Sane.Internal;

/// <summary>Pixels as scanned: 8-bit grey (1 channel) or RGB (3 channels, interleaved), row-major.</summary>
internal sealed record ScannedImage(byte[] Pixels, int Width, int Height, int Channels);

/// <summary>
/// One scan of an open device on the SANE thread: <c>sane_start</c>, then for each frame <c>sane_get_parameters</c> and
/// <c>sane_read</c> to its end (three frames for a three-pass colour scanner), then <c>sane_cancel</c>, which SANE
/// requires after every scan.
/// </summary>
/// <remarks>
/// Backends that move data on a reader thread (SANE's sanei_thread on pthreads, the <c>test</c> backend among them)
/// cancel that thread asynchronously on <c>sane_cancel</c> and when a frame's last bytes are read, which must not catch
/// it inside the allocator: before those calls the scan waits for the reader to settle (see <see cref="ReaderThreads"/>).
/// A cancelled scan is read on to its end and thrown away rather than stopped with <c>sane_cancel</c> mid-transfer; only
/// a scan that does not end within <see cref="DrainLimit"/> of the cancellation (a stalled scanner) is cancelled mid-read.
/// A read that fails (a jam, an open cover) is followed by <c>sane_cancel</c>, as SANE requires.
/// </remarks>
internal static class SaneScan
{
    private const int BufferSize = 64 * 1024;

    /// <summary>How long a cancelled scan may go on being read before it is cancelled mid-transfer.</summary>
    internal static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(10);

    public static unsafe ScannedImage Run(SaneHandle handle, IProgress<(int Percent, long Bytes)> progress, CancellationToken cancellationToken)
    {
        var frames = new List<(SaneParameters Parameters, byte[] Data)>();
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                SaneErrors.ThrowIfFailed(Native.sane_start(handle), "scan start");
                SaneErrors.ThrowIfFailed(Native.sane_get_parameters(handle, out var parameters), "scan parameters");
                var expected = parameters.Lines > 0 ? (long)parameters.BytesPerLine * parameters.Lines : 0;
                using var data = new MemoryStream(expected > 0 ? (int)Math.Min(expected, int.MaxValue) : BufferSize);
                var buffer = new byte[BufferSize];
                var reported = -1;
                long received = 0;
                long? cancelledAt = null;
                var cancelled = false;
                while (true)
                {
                    if (cancelledAt is null && cancellationToken.IsCancellationRequested)
                    {
                        cancelledAt = Stopwatch.GetTimestamp();
                    }

                    if (cancelledAt is { } since && !cancelled && Stopwatch.GetElapsedTime(since) >= DrainLimit)
                    {
                        ReaderThreads.WaitUntilSettled();
                        Native.sane_cancel(handle);
                        cancelled = true;
                    }

                    if (expected <= 0 || expected - received <= BufferSize)
                    {
                        // This read may bring the frame's last bytes, upon which the backend stops its reader.
                        ReaderThreads.WaitUntilSettled();
                    }

                    SaneStatus status;
                    int length;
                    fixed (byte* pointer = buffer)
                    {
                        status = Native.sane_read(handle, pointer, buffer.Length, out length);
                    }

                    if (status == SaneStatus.Cancelled || cancelled || (status == SaneStatus.Eof && cancelledAt is not null))
                    {
                        // After sane_cancel a backend answers CANCELLED, or EOF when it had already sent everything.
                        throw new OperationCanceledException(cancellationToken);
                    }

                    if (status == SaneStatus.Eof)
                    {
                        break;
                    }

                    SaneErrors.ThrowIfFailed(status, "read");
                    received += length;

                    if (cancelledAt is not null)
                    {
                        continue; // drained, not kept
                    }

                    data.Write(buffer, 0, length);
                    if (expected > 0 && (int)(data.Length * 100 / expected) / 10 * 10 is var percent && percent > reported)
                    {
                        reported = percent;
                        progress.Report((percent, data.Length));
                    }
                }

                frames.Add((parameters, data.ToArray()));
                if (parameters.LastFrame != 0 || parameters.Format is SaneFrame.Gray or SaneFrame.Rgb)
                {
                    break;
                }
            }
        }
        finally
        {
            ReaderThreads.WaitUntilSettled(); // a failed read can come while the reader is still starting
            Native.sane_cancel(handle);
        }

        return Assemble(frames);
    }

    /// <summary>Frames to one 8-bit image: depth 1 (1 = black), 8, or 16 (machine byte order, high byte kept).</summary>
    internal static ScannedImage Assemble(IReadOnlyList<(SaneParameters Parameters, byte[] Data)> frames)
    {
        var first = frames[0].Parameters;
        var width = first.PixelsPerLine;
        var height = first.Lines > 0 ? first.Lines : frames[0].Data.Length / Math.Max(1, first.BytesPerLine);
        var colour = frames.Count > 1 || first.Format != SaneFrame.Gray;
        var channels = colour ? 3 : 1;
        var pixels = new byte[width * height * channels];
        foreach (var (parameters, data) in frames)
        {
            var (samples, offset) = parameters.Format switch
            {
                SaneFrame.Rgb => (3, 0),
                SaneFrame.Red => (1, 0),
                SaneFrame.Green => (1, 1),
                SaneFrame.Blue => (1, 2),
                _ => (1, 0),
            };
            var lines = Math.Min(height, data.Length / Math.Max(1, parameters.BytesPerLine));
            for (var y = 0; y < lines; y++)
            {
                var row = data.AsSpan(y * parameters.BytesPerLine, parameters.BytesPerLine);
                for (var x = 0; x < width; x++)
                {
                    for (var s = 0; s < samples; s++)
                    {
                        var value = Sample(row, (x * samples) + s, parameters.Depth);
                        var target = (((y * width) + x) * channels) + offset + s;
                        if (colour && samples == 1 && parameters.Format == SaneFrame.Gray)
                        {
                            pixels[target] = pixels[target + 1] = pixels[target + 2] = value;
                        }
                        else
                        {
                            pixels[target] = value;
                        }
                    }
                }
            }
        }

        return new ScannedImage(pixels, width, height, channels);
    }

    private static byte Sample(ReadOnlySpan<byte> row, int index, int depth) => depth switch
    {
        1 => (row[index / 8] & (0x80 >> (index % 8))) != 0 ? (byte)0 : (byte)255,
        16 => BitConverter.IsLittleEndian ? row[(index * 2) + 1] : row[index * 2],
        _ => row[index],
    };
}
