using Microsoft.Win32.SafeHandles;

namespace Gateway.Drivers.Sane.Internal;

/// <summary>An open SANE device, closed with <c>sane_close</c>. The driver disposes it on the SANE thread.</summary>
internal sealed class SaneHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SaneHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        Native.sane_close(handle);
        return true;
    }
}
