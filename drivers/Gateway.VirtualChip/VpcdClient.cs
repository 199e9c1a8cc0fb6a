using System.Buffers.Binary;
using System.Net.Sockets;

namespace Gateway.VirtualChip;

/// <summary>
/// Puts the virtual passport into vsmartcard's virtual reader: connects to vpcd (the pcscd driver, default localhost:35963)
/// and answers its messages — each a 2-byte big-endian length and a payload; a 1-byte payload is a control message (0 power
/// off, 1 power on, 2 reset, 4 ATR request, answered with the ATR), anything longer is a command APDU, answered with the
/// response APDU. Connecting inserts the card; disposing removes it.
/// </summary>
public sealed class VpcdClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly VirtualPassport _chip;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private bool _disposed;

    private VpcdClient(TcpClient tcp, VirtualPassport chip)
    {
        _tcp = tcp;
        _chip = chip;
        _loop = Task.Run(() => ServeAsync(_stop.Token));
    }

    /// <summary>APDUs answered so far.</summary>
    public int Answered { get; private set; }

    /// <summary>When set, the card is pulled out (the connection closed) before answering APDU number N+1.</summary>
    public int? RemoveAfter { get; set; }

    /// <summary>Completes when the connection ends (vpcd closed it, or the card was removed).</summary>
    public Task Completion => _loop;

    public static async Task<VpcdClient> ConnectAsync(VirtualPassport chip, int port = 35963, string host = "127.0.0.1", CancellationToken cancellationToken = default)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }

        return new VpcdClient(tcp, chip);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stop.CancelAsync().ConfigureAwait(false);
        _tcp.Dispose();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    /// <summary>
    /// vpcd sends a message's length and payload in two writes; with Nagle on its side and delayed ACKs on ours every
    /// exchange would wait ~40 ms. Linux's TCP_QUICKACK (re-armed before each read) acknowledges at once.
    /// </summary>
    private void QuickAck()
    {
        if (OperatingSystem.IsLinux())
        {
            const int ipProtoTcp = 6;
            const int tcpQuickAck = 12;
            _tcp.Client.SetRawSocketOption(ipProtoTcp, tcpQuickAck, BitConverter.GetBytes(1));
        }
    }

    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        var stream = _tcp.GetStream();
        var header = new byte[2];
        while (!cancellationToken.IsCancellationRequested)
        {
            QuickAck();
            await stream.ReadExactlyAsync(header, cancellationToken).ConfigureAwait(false);
            QuickAck();
            var payload = new byte[BinaryPrimitives.ReadUInt16BigEndian(header)];
            await stream.ReadExactlyAsync(payload, cancellationToken).ConfigureAwait(false);
            byte[]? answer = null;
            if (payload.Length == 1)
            {
                switch (payload[0])
                {
                    case 0 or 1 or 2:
                        _chip.Reset();
                        break;
                    case 4:
                        answer = _chip.Atr;
                        break;
                }
            }
            else
            {
                if (Answered >= RemoveAfter)
                {
                    _tcp.Client.Shutdown(SocketShutdown.Both);
                    _tcp.Close();
                    return;
                }

                answer = _chip.Process(payload);
                Answered++;
            }

            if (answer is not null)
            {
                var frame = new byte[2 + answer.Length];
                BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)answer.Length);
                answer.CopyTo(frame, 2);
                await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
