using System.Runtime.InteropServices;

namespace Gateway.Drivers.Fingerprint.Libfprint.Internal;

/// <summary>
/// The C API of libfprint 1.94 and the few GLib/GObject/GIO calls around it. Every <c>const char*</c> libfprint returns
/// is declared <see cref="nint"/> and read with <see cref="Marshal.PtrToStringUTF8(nint)"/>: marshalling it as a
/// string would free libfprint's own buffer. <c>gboolean</c> is a 4-byte int.
/// </summary>
internal static partial class Native
{
    private const string Fprint = "libfprint-2.so.2";
    private const string GObject = "libgobject-2.0.so.0";
    private const string GLib = "libglib-2.0.so.0";
    private const string Gio = "libgio-2.0.so.0";

    /// <summary>FpFingerStatusFlags: the device waits for a finger.</summary>
    public const int FingerNeeded = 1;

    /// <summary>FpFingerStatusFlags: a finger is on the device.</summary>
    public const int FingerPresent = 2;

    /// <summary>G_IO_ERROR_CANCELLED.</summary>
    public const int IoErrorCancelled = 19;

    [LibraryImport(Fprint)]
    public static partial nint fp_context_new();

    [LibraryImport(Fprint)]
    public static partial nint fp_context_get_devices(GObjectHandle context);

    [LibraryImport(Fprint)]
    public static partial nint fp_device_get_driver(GObjectHandle device);

    [LibraryImport(Fprint)]
    public static partial nint fp_device_get_driver(nint device);

    [LibraryImport(Fprint)]
    public static partial nint fp_device_get_name(GObjectHandle device);

    [LibraryImport(Fprint)]
    public static partial nint fp_device_get_device_id(GObjectHandle device);

    [LibraryImport(Fprint)]
    public static partial int fp_device_get_finger_status(nint device);

    [LibraryImport(Fprint)]
    public static partial int fp_device_open_sync(GObjectHandle device, GObjectHandle cancellable, out nint error);

    [LibraryImport(Fprint)]
    public static partial int fp_device_close_sync(GObjectHandle device, nint cancellable, out nint error);

    [LibraryImport(Fprint)]
    public static partial nint fp_device_capture_sync(GObjectHandle device, int waitForFinger, GObjectHandle cancellable, out nint error);

    [LibraryImport(Fprint)]
    public static partial uint fp_image_get_width(GObjectHandle image);

    [LibraryImport(Fprint)]
    public static partial uint fp_image_get_height(GObjectHandle image);

    [LibraryImport(Fprint)]
    public static partial nint fp_image_get_data(GObjectHandle image, out nuint length);

    [LibraryImport(Fprint)]
    public static partial uint fp_device_retry_quark();

    [LibraryImport(Fprint)]
    public static partial uint fp_device_error_quark();

    [LibraryImport(Gio)]
    public static partial uint g_io_error_quark();

    [LibraryImport(Gio)]
    public static partial nint g_cancellable_new();

    [LibraryImport(Gio)]
    public static partial void g_cancellable_cancel(GObjectHandle cancellable);

    [LibraryImport(GObject)]
    public static partial nint g_object_ref(nint instance);

    [LibraryImport(GObject)]
    public static partial void g_object_unref(nint instance);

    [LibraryImport(GObject, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial nuint g_signal_connect_data(
        GObjectHandle instance, string signal, delegate* unmanaged[Cdecl]<nint, nint, nint, void> handler, nint data, nint destroy, int flags);

    [LibraryImport(GObject)]
    public static partial void g_signal_handler_disconnect(GObjectHandle instance, nuint handlerId);

    [LibraryImport(GLib)]
    public static partial void g_error_free(nint error);

    [LibraryImport(GLib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int g_setenv(string name, string value, int overwrite);

    /// <summary>Reads a GError (<c>{ GQuark domain; gint code; gchar* message; }</c>) and frees it.</summary>
    public static GErrorInfo TakeError(nint error)
    {
        var info = new GErrorInfo(
            (uint)Marshal.ReadInt32(error),
            Marshal.ReadInt32(error, 4),
            Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(error, 8)) ?? string.Empty);
        g_error_free(error);
        return info;
    }

    /// <summary>A const char* owned by libfprint, as a string.</summary>
    public static string Text(nint value) => Marshal.PtrToStringUTF8(value) ?? string.Empty;
}

/// <summary>A GError's fields, read before it was freed.</summary>
internal readonly record struct GErrorInfo(uint Domain, int Code, string Message);
