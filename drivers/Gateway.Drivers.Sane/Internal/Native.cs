using System.Runtime.InteropServices;

namespace Gateway.Drivers.Sane.Internal;

/// <summary>
/// The C API of SANE 1.x (sane/sane.h), by P/Invoke to Debian's libsane1. On Linux x64 SANE_Word, SANE_Int, SANE_Bool,
/// SANE_Fixed and the enums are 4-byte ints; strings SANE returns belong to SANE and are read, never freed.
/// </summary>
internal static partial class Native
{
    public const string Library = "libsane.so.1";

    public const int ActionGetValue = 0;
    public const int ActionSetValue = 1;

    public const int InfoInexact = 1;
    public const int InfoReloadOptions = 2;

    public const int CapSoftSelect = 1;
    public const int CapInactive = 32;

    [LibraryImport(Library)]
    public static partial SaneStatus sane_init(out int versionCode, nint authorize);

    [LibraryImport(Library)]
    public static partial void sane_exit();

    [LibraryImport(Library)]
    public static partial SaneStatus sane_get_devices(out nint deviceList, int localOnly);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial SaneStatus sane_open(string name, out SaneHandle handle);

    [LibraryImport(Library)]
    public static partial void sane_close(nint handle);

    [LibraryImport(Library)]
    public static partial nint sane_get_option_descriptor(SaneHandle handle, int option);

    [LibraryImport(Library)]
    public static unsafe partial SaneStatus sane_control_option(SaneHandle handle, int option, int action, void* value, out int info);

    [LibraryImport(Library)]
    public static partial SaneStatus sane_get_parameters(SaneHandle handle, out SaneParameters parameters);

    [LibraryImport(Library)]
    public static partial SaneStatus sane_start(SaneHandle handle);

    [LibraryImport(Library)]
    public static unsafe partial SaneStatus sane_read(SaneHandle handle, byte* data, int maxLength, out int length);

    [LibraryImport(Library)]
    public static partial void sane_cancel(SaneHandle handle);

    [LibraryImport(Library)]
    public static partial nint sane_strstatus(SaneStatus status);

    /// <summary>libc's setenv: native getenv does not see <see cref="Environment.SetEnvironmentVariable(string, string)"/>.</summary>
    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int setenv(string name, string value, int overwrite);

    public static string Text(nint value) => Marshal.PtrToStringUTF8(value) ?? string.Empty;
}

/// <summary>SANE_Status.</summary>
internal enum SaneStatus
{
    Good = 0,
    Unsupported = 1,
    Cancelled = 2,
    DeviceBusy = 3,
    Invalid = 4,
    Eof = 5,
    Jammed = 6,
    NoDocuments = 7,
    CoverOpen = 8,
    IoError = 9,
    NoMemory = 10,
    AccessDenied = 11,
}

/// <summary>SANE_Value_Type.</summary>
internal enum SaneValueType
{
    Bool = 0,
    Int = 1,
    Fixed = 2,
    String = 3,
    Button = 4,
    Group = 5,
}

/// <summary>SANE_Constraint_Type.</summary>
internal enum SaneConstraint
{
    None = 0,
    Range = 1,
    WordList = 2,
    StringList = 3,
}

/// <summary>SANE_Frame (the values of SANE 1.0; later ones are not used by Debian's backends).</summary>
internal enum SaneFrame
{
    Gray = 0,
    Rgb = 1,
    Red = 2,
    Green = 3,
    Blue = 4,
}

/// <summary>SANE_Parameters: six 4-byte fields.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SaneParameters
{
    public SaneFrame Format;
    public int LastFrame;
    public int BytesPerLine;
    public int PixelsPerLine;
    public int Lines;
    public int Depth;
}

/// <summary>
/// SANE_Option_Descriptor: three string pointers, five 4-byte fields, then the constraint union (one pointer), which
/// sequential layout aligns to offset 48 on x64 as the C compiler does (56 bytes in all).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SaneOptionDescriptor
{
    public nint Name;
    public nint Title;
    public nint Description;
    public SaneValueType Type;
    public int Unit;
    public int Size;
    public int Capabilities;
    public SaneConstraint ConstraintType;
    public nint Constraint;
}

/// <summary>SANE_Range.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SaneRange
{
    public int Min;
    public int Max;
    public int Quant;
}
