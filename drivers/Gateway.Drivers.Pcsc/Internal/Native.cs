using System.Runtime.InteropServices;

namespace Gateway.Drivers.Pcsc.Internal;

/// <summary>
/// The PC/SC calls we use, for both platforms. pcsc-lite (Linux) declares DWORD and LONG as C <c>unsigned long</c> /
/// <c>long</c>: 8 bytes on x64, hence <see cref="nint"/>/<see cref="nuint"/>; winscard.dll uses 4-byte ones and the
/// ANSI entry points end in "A". Every result is returned as the 32-bit PC/SC code (see <see cref="PcscStatus"/>).
/// </summary>
internal static unsafe partial class Native
{
    public const uint ScopeSystem = 2;
    public const uint ShareShared = 2;
    public const uint ProtocolT0 = 1;
    public const uint ProtocolT1 = 2;
    public const uint LeaveCard = 0;
    public const uint ResetCard = 1;
    public const uint Infinite = 0xFFFFFFFF;

    public const uint StateUnaware = 0;
    public const uint StateChanged = 0x2;
    public const uint StateUnknown = 0x4;
    public const uint StateUnavailable = 0x8;
    public const uint StateEmpty = 0x10;
    public const uint StatePresent = 0x20;
    public const uint StateMute = 0x200;

    /// <summary>The pseudo reader whose state changes when readers arrive or leave.</summary>
    public const string PnpNotification = @"\\?PnP?\Notification";

    private const string Lite = "libpcsclite.so.1";
    private const string WinScard = "winscard.dll";

    public static bool IsWindows => OperatingSystem.IsWindows();

    /// <summary>Size of SCARD_READERSTATE and the offsets of its fields on this platform.</summary>
    public static (int Size, int Current, int Event, int AtrLength, int Atr, int AtrMax) ReaderStateLayout =>
        IsWindows ? (64, 16, 20, 24, 28, 36) : (80, 16, 24, 32, 40, 33);

    public static uint EstablishContext(out nint context)
    {
        if (IsWindows)
        {
            return (uint)WinEstablishContext(ScopeSystem, 0, 0, out context);
        }

        var result = LiteEstablishContext(ScopeSystem, 0, 0, out context);
        return (uint)result;
    }

    public static uint ReleaseContext(nint context) => IsWindows ? (uint)WinReleaseContext(context) : (uint)LiteReleaseContext(context);

    public static uint Cancel(nint context) => IsWindows ? (uint)WinCancel(context) : (uint)LiteCancel(context);

    public static uint ListReaders(nint context, byte[]? buffer, ref int length)
    {
        if (IsWindows)
        {
            var winLength = (uint)length;
            var winResult = WinListReaders(context, 0, buffer, ref winLength);
            length = (int)winLength;
            return (uint)winResult;
        }

        var liteLength = (nuint)length;
        var result = LiteListReaders(context, 0, buffer, ref liteLength);
        length = (int)liteLength;
        return (uint)result;
    }

    public static uint GetStatusChange(nint context, uint timeout, byte* states, int count) => IsWindows
        ? (uint)WinGetStatusChange(context, timeout, states, (uint)count)
        : (uint)LiteGetStatusChange(context, timeout, states, (nuint)count);

    public static uint Connect(nint context, string reader, out nint card, out uint protocol)
    {
        if (IsWindows)
        {
            var winResult = WinConnect(context, reader, ShareShared, ProtocolT0 | ProtocolT1, out card, out var winProtocol);
            protocol = winProtocol;
            return (uint)winResult;
        }

        var result = LiteConnect(context, reader, ShareShared, ProtocolT0 | ProtocolT1, out card, out var liteProtocol);
        protocol = (uint)liteProtocol;
        return (uint)result;
    }

    public static uint Disconnect(nint card, uint disposition) =>
        IsWindows ? (uint)WinDisconnect(card, disposition) : (uint)LiteDisconnect(card, disposition);

    public static uint Transmit(nint card, uint protocol, ReadOnlySpan<byte> command, Span<byte> response, out int received)
    {
        fixed (byte* send = command)
        fixed (byte* receive = response)
        {
            if (IsWindows)
            {
                var pci = stackalloc uint[2] { protocol, 8 };
                var winLength = (uint)response.Length;
                var winResult = WinTransmit(card, pci, send, (uint)command.Length, null, receive, ref winLength);
                received = (int)winLength;
                return (uint)winResult;
            }

            var litePci = stackalloc nuint[2] { protocol, 16 };
            var liteLength = (nuint)response.Length;
            var result = LiteTransmit(card, litePci, send, (nuint)command.Length, null, receive, ref liteLength);
            received = (int)liteLength;
            return (uint)result;
        }
    }

    [LibraryImport(Lite, EntryPoint = "SCardEstablishContext")]
    private static partial nint LiteEstablishContext(nuint scope, nint reserved1, nint reserved2, out nint context);

    [LibraryImport(Lite, EntryPoint = "SCardReleaseContext")]
    private static partial nint LiteReleaseContext(nint context);

    [LibraryImport(Lite, EntryPoint = "SCardCancel")]
    private static partial nint LiteCancel(nint context);

    [LibraryImport(Lite, EntryPoint = "SCardListReaders")]
    private static partial nint LiteListReaders(nint context, nint groups, [Out] byte[]? readers, ref nuint length);

    [LibraryImport(Lite, EntryPoint = "SCardGetStatusChange")]
    private static partial nint LiteGetStatusChange(nint context, nuint timeout, byte* states, nuint count);

    [LibraryImport(Lite, EntryPoint = "SCardConnect", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint LiteConnect(nint context, string reader, nuint shareMode, nuint protocols, out nint card, out nuint activeProtocol);

    [LibraryImport(Lite, EntryPoint = "SCardDisconnect")]
    private static partial nint LiteDisconnect(nint card, nuint disposition);

    [LibraryImport(Lite, EntryPoint = "SCardTransmit")]
    private static partial nint LiteTransmit(nint card, nuint* sendPci, byte* send, nuint sendLength, nuint* receivePci, byte* receive, ref nuint receiveLength);

    [LibraryImport(WinScard, EntryPoint = "SCardEstablishContext")]
    private static partial int WinEstablishContext(uint scope, nint reserved1, nint reserved2, out nint context);

    [LibraryImport(WinScard, EntryPoint = "SCardReleaseContext")]
    private static partial int WinReleaseContext(nint context);

    [LibraryImport(WinScard, EntryPoint = "SCardCancel")]
    private static partial int WinCancel(nint context);

    [LibraryImport(WinScard, EntryPoint = "SCardListReadersA")]
    private static partial int WinListReaders(nint context, nint groups, [Out] byte[]? readers, ref uint length);

    [LibraryImport(WinScard, EntryPoint = "SCardGetStatusChangeA")]
    private static partial int WinGetStatusChange(nint context, uint timeout, byte* states, uint count);

    [LibraryImport(WinScard, EntryPoint = "SCardConnectA", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int WinConnect(nint context, string reader, uint shareMode, uint protocols, out nint card, out uint activeProtocol);

    [LibraryImport(WinScard, EntryPoint = "SCardDisconnect")]
    private static partial int WinDisconnect(nint card, uint disposition);

    [LibraryImport(WinScard, EntryPoint = "SCardTransmit")]
    private static partial int WinTransmit(nint card, uint* sendPci, byte* send, uint sendLength, uint* receivePci, byte* receive, ref uint receiveLength);
}
