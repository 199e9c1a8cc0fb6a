using System.Buffers.Binary;
using System.Net.Sockets;
using Gateway.Drivers.Conformance;
using Gateway.Imaging;

namespace Gateway.Drivers.Fingerprint.Libfprint.Tests;

/// <summary>
/// The peer of libfprint's <c>virtual_image</c> test device, speaking its socket protocol as libfprint's own test
/// tools do: per message one connection, two little-endian int32 values, then any data. Images are (width, height) and
/// width × height grey bytes; commands are (−1, retry code), (−2, error code), (−3, auto finger), (−4, finger present).
/// </summary>
internal sealed class VirtualImageDevice
{
    private static int _next;

    /// <summary>A socket path unique to this process and device, short enough for sun_path.</summary>
    public string SocketPath { get; } = Path.Combine("/tmp", $"gw-fpv-{Environment.ProcessId}-{Interlocked.Increment(ref _next)}.sock");

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["VirtualImageSocket"] = SocketPath,
        ["CaptureTimeout"] = "00:00:20",
    };

    public Task SendImageAsync(Frame frame) => SendAsync(frame.Width, frame.Height, frame.Pixels);

    public Task SendRetryAsync(int code) => SendAsync(-1, code, ReadOnlyMemory<byte>.Empty);

    public Task SendErrorAsync(int code) => SendAsync(-2, code, ReadOnlyMemory<byte>.Empty);

    private async Task SendAsync(int first, int second, ReadOnlyMemory<byte> data)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath));
        var header = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(header, first);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), second);
        await socket.SendAsync(header);
        if (!data.IsEmpty)
        {
            await socket.SendAsync(data);
        }

        socket.Shutdown(SocketShutdown.Send);
    }

    public void Delete() => File.Delete(SocketPath);

    /// <summary>Waits until the driver has reported <paramref name="count"/> incidents of <paramref name="code"/>.</summary>
    public static async Task WaitForIncidentAsync(ConformanceContext context, string code, int count = 1, int seconds = 15)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (context.Incidents.Count(i => i.Code == code) < count)
        {
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"No {code} incident #{count} within {seconds} s; seen: {string.Join(", ", context.Incidents.Select(i => i.Code))}.");
            }

            // Polls a condition with a bound: the context records incidents in a queue, not an event.
            await Task.Delay(10, CancellationToken.None);
        }
    }
}
