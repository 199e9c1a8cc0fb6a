using Microsoft.Win32.SafeHandles;

namespace Gateway.Drivers.Pcsc.Internal;

/// <summary>An SCARDCONTEXT, released with SCardReleaseContext.</summary>
internal sealed class ContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ContextHandle()
        : base(ownsHandle: true)
    {
    }

    public static ContextHandle Establish()
    {
        PcscStatus.ThrowIfFailed(Native.EstablishContext(out var context), "SCardEstablishContext");
        var handle = new ContextHandle();
        handle.SetHandle(context);
        return handle;
    }

    protected override bool ReleaseHandle() => Native.ReleaseContext(handle) == PcscStatus.Success;
}

/// <summary>An SCARDHANDLE, released with SCardDisconnect (the card is left as it is).</summary>
internal sealed class CardHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public CardHandle()
        : base(ownsHandle: true)
    {
    }

    public static CardHandle Own(nint card)
    {
        var handle = new CardHandle();
        handle.SetHandle(card);
        return handle;
    }

    protected override bool ReleaseHandle()
    {
        Native.Disconnect(handle, Native.LeaveCard);
        return true;
    }
}
