using Microsoft.Win32.SafeHandles;

namespace Gateway.Drivers.Fingerprint.Libfprint.Internal;

/// <summary>
/// One reference to a GObject (context, device, image, cancellable), dropped with <c>g_object_unref</c>. The driver
/// disposes these on the libfprint thread; the finalizer path is the last resort for a leak.
/// </summary>
internal sealed class GObjectHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public GObjectHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Takes ownership of a reference the caller received (transfer full).</summary>
    public static GObjectHandle Own(nint instance)
    {
        var handle = new GObjectHandle();
        handle.SetHandle(instance);
        return handle;
    }

    /// <summary>Adds a reference to an object the caller only borrows (transfer none) and owns that one.</summary>
    public static GObjectHandle Reference(nint instance) => Own(Native.g_object_ref(instance));

    protected override bool ReleaseHandle()
    {
        Native.g_object_unref(handle);
        return true;
    }
}
