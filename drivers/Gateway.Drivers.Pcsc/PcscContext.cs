using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Gateway.Drivers.Pcsc.Internal;

namespace Gateway.Drivers.Pcsc;

/// <summary>
/// A PC/SC resource manager context: lists readers, reports reader and card changes (hot plug through the
/// <c>\\?PnP?\Notification</c> pseudo reader), and connects to cards. A context is not meant for concurrent calls; use one
/// for <see cref="WatchAsync"/> and another for reads.
/// </summary>
public sealed class PcscContext : IDisposable
{
    /// <summary>The longest single wait of <see cref="WatchAsync"/> before it looks at its cancellation token again.</summary>
    private const uint WatchPollMilliseconds = 500;

    private readonly ContextHandle _handle;

    private PcscContext(ContextHandle handle) => _handle = handle;

    /// <summary>Connects to the PC/SC service.</summary>
    /// <returns>The context.</returns>
    /// <exception cref="PcscException">The service is not running (<c>pcscd</c> on Linux).</exception>
    /// <exception cref="PlatformNotSupportedException">Neither Linux nor Windows.</exception>
    public static PcscContext Establish()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("PC/SC is supported on Linux (pcsc-lite) and Windows.");
        }

        return new PcscContext(ContextHandle.Establish());
    }

    /// <summary>The connected readers' names (empty when none).</summary>
    /// <returns>The reader names.</returns>
    public IReadOnlyList<string> ListReaders()
    {
        var length = 0;
        var code = Native.ListReaders(_handle.DangerousGetHandle(), null, ref length);
        if (code == PcscStatus.NoReadersAvailable)
        {
            return [];
        }

        PcscStatus.ThrowIfFailed(code, "SCardListReaders");
        var buffer = new byte[length];
        code = Native.ListReaders(_handle.DangerousGetHandle(), buffer, ref length);
        if (code == PcscStatus.NoReadersAvailable)
        {
            return [];
        }

        PcscStatus.ThrowIfFailed(code, "SCardListReaders");
        return Encoding.UTF8.GetString(buffer, 0, length).Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The current state of each reader (card present, ATR).</summary>
    /// <returns>One state per reader.</returns>
    public IReadOnlyList<PcscReaderState> GetStates()
    {
        var readers = ListReaders();
        if (readers.Count == 0)
        {
            return [];
        }

        var states = readers.Select(r => (Reader: r, Current: Native.StateUnaware)).ToList();
        return GetStatusChange(states, 0).Select(s => s.State).ToList();
    }

    /// <summary>
    /// Reports readers arriving and leaving and cards inserted and removed, as they happen, until cancelled. The blocking
    /// wait runs on its own thread and is interrupted with SCardCancel.
    /// </summary>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>The events.</returns>
    public async IAsyncEnumerable<PcscEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var cancel = cancellationToken.Register(() => Native.Cancel(_handle.DangerousGetHandle()));

        // Each reader's last state word: card present or not, and in its high 16 bits the reader's count of card events,
        // so a card taken off and put back between two waits is still seen as removed and inserted.
        var known = new Dictionary<string, uint>(StringComparer.Ordinal);
        var initial = ListReaders();
        if (initial.Count > 0)
        {
            foreach (var (state, eventState) in GetStatusChange(initial.Select(r => (r, Native.StateUnaware)).ToList(), 0))
            {
                known[state.Reader] = eventState & ~Native.StateChanged;
            }
        }

        var pnpCurrent = (uint)known.Count << 16;
        while (!cancellationToken.IsCancellationRequested)
        {
            var watched = known.Select(k => (Reader: k.Key, Current: k.Value)).ToList();
            watched.Add((Native.PnpNotification, pnpCurrent));
            List<(PcscReaderState State, uint Event)> changed;
            try
            {
                // A bounded wait, not an infinite one: SCardCancel interrupts a wait in progress, but a cancellation that
                // comes just before the wait begins would be lost, and the watch would never end.
                changed = await Task.Factory.StartNew(() => GetStatusChange(watched, WatchPollMilliseconds), cancellationToken,
                    TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
            }
            catch (PcscException e) when (e.Code == PcscStatus.Cancelled || cancellationToken.IsCancellationRequested)
            {
                yield break;
            }
            catch (PcscException e) when (e.Code == PcscStatus.Timeout)
            {
                continue;
            }

            pnpCurrent = changed[^1].Event & ~Native.StateChanged;
            var events = new List<PcscEvent>();
            var readers = ListReaders();
            foreach (var arrived in readers.Where(r => !known.ContainsKey(r)))
            {
                events.Add(new PcscEvent(PcscEventKind.ReaderArrived, arrived));
                known[arrived] = Native.StateEmpty;
            }

            foreach (var left in known.Keys.Where(r => !readers.Contains(r)).ToList())
            {
                events.Add(new PcscEvent(PcscEventKind.ReaderLeft, left));
                known.Remove(left);
            }

            foreach (var (state, eventState) in changed.SkipLast(1).Where(c => known.ContainsKey(c.State.Reader)))
            {
                var before = known[state.Reader];
                var wasPresent = (before & Native.StatePresent) != 0;
                var cardEvents = (eventState >> 16) != (before >> 16);
                known[state.Reader] = eventState & ~Native.StateChanged;
                if (wasPresent && (!state.CardPresent || cardEvents))
                {
                    events.Add(new PcscEvent(PcscEventKind.CardRemoved, state.Reader));
                }

                if (state.CardPresent && (!wasPresent || cardEvents))
                {
                    events.Add(new PcscEvent(PcscEventKind.CardInserted, state.Reader));
                }
            }

            foreach (var e in events)
            {
                yield return e;
            }
        }
    }

    /// <summary>Waits until a card is present on (or gone from) <paramref name="reader"/>, or the timeout passes.</summary>
    /// <param name="reader">The reader name.</param>
    /// <param name="present">True to wait for a card, false to wait for its removal.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Stops waiting (SCardCancel).</param>
    /// <returns>Whether the state was reached in time.</returns>
    public async Task<bool> WaitForCardAsync(string reader, bool present, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var cancel = cancellationToken.Register(() => Native.Cancel(_handle.DangerousGetHandle()));
        return await Task.Factory.StartNew(() =>
        {
            var current = Native.StateUnaware;
            var started = Environment.TickCount64;
            while (true)
            {
                var left = (long)timeout.TotalMilliseconds - (Environment.TickCount64 - started);
                if (left <= 0 || cancellationToken.IsCancellationRequested)
                {
                    return false;
                }

                try
                {
                    var (state, eventState) = GetStatusChange([(reader, current)], (uint)left)[0];
                    if (state.CardPresent == present)
                    {
                        return true;
                    }

                    current = eventState & ~Native.StateChanged;
                }
                catch (PcscException e) when (e.Code is PcscStatus.Timeout or PcscStatus.Cancelled)
                {
                    return false;
                }
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
    }

    /// <summary>Connects to the card on <paramref name="reader"/> (shared, T=0 or T=1).</summary>
    /// <param name="reader">The reader name.</param>
    /// <param name="extendedLength">
    /// Whether to send extended-length APDUs; null (default) takes the card's word for it (the card capabilities in its
    /// ATR). Readers that cannot carry them make the card answer with a transport error.
    /// </param>
    /// <returns>The connected card, an <see cref="Gateway.Emrtd.ICardChannel"/>.</returns>
    /// <exception cref="PcscException">No card, unknown reader, or the service stopped.</exception>
    public PcscCard Connect(string reader, bool? extendedLength = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        PcscStatus.ThrowIfFailed(Native.Connect(_handle.DangerousGetHandle(), reader, out var card, out var protocol), "SCardConnect");
        var handle = CardHandle.Own(card);
        var atr = GetStatusChange([(reader, Native.StateUnaware)], 0)[0].State.Atr;
        return new PcscCard(handle, reader, protocol, atr, extendedLength ?? Atr.SupportsExtendedLength(atr));
    }

    /// <summary>Releases the context.</summary>
    public void Dispose() => _handle.Dispose();

    private unsafe List<(PcscReaderState State, uint Event)> GetStatusChange(List<(string Reader, uint Current)> readers, uint timeout)
    {
        var layout = Native.ReaderStateLayout;
        var names = readers.Select(r => Marshal.StringToCoTaskMemUTF8(r.Reader)).ToArray();
        var buffer = new byte[layout.Size * readers.Count];
        try
        {
            fixed (byte* states = buffer)
            {
                for (var i = 0; i < readers.Count; i++)
                {
                    var state = states + i * layout.Size;
                    *(nint*)state = names[i];
                    Write(state + layout.Current, readers[i].Current);
                }

                PcscStatus.ThrowIfFailed(Native.GetStatusChange(_handle.DangerousGetHandle(), timeout, states, readers.Count), "SCardGetStatusChange");
                var result = new List<(PcscReaderState, uint)>(readers.Count);
                for (var i = 0; i < readers.Count; i++)
                {
                    var state = states + i * layout.Size;
                    var eventState = Read(state + layout.Event);
                    var atrLength = (int)Math.Min(Read(state + layout.AtrLength), (uint)layout.AtrMax);
                    var present = (eventState & Native.StatePresent) != 0 && (eventState & Native.StateMute) == 0;
                    result.Add((new PcscReaderState(readers[i].Reader, present, present ? new ReadOnlySpan<byte>(state + layout.Atr, atrLength).ToArray() : []), eventState));
                }

                return result;
            }
        }
        finally
        {
            foreach (var name in names)
            {
                Marshal.FreeCoTaskMem(name);
            }
        }
    }

    private static unsafe void Write(byte* at, uint value)
    {
        if (Native.IsWindows)
        {
            *(uint*)at = value;
        }
        else
        {
            *(nuint*)at = value;
        }
    }

    private static unsafe uint Read(byte* at) => Native.IsWindows ? *(uint*)at : (uint)*(nuint*)at;
}
