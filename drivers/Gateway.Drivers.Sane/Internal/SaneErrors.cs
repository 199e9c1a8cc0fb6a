namespace Gateway.Drivers.Sane.Internal;

/// <summary>The one place where SANE status codes become <see cref="DeviceException"/>s.</summary>
internal static class SaneErrors
{
    /// <summary>Paper and cover conditions: the scan fails, the officer fixes it, the scanner itself is fine.</summary>
    public static bool FailsOnlyTheScan(string code) =>
        code is "sane.adf_empty" or "sane.jammed" or "sane.cover_open" or "sane.busy";

    public static void ThrowIfFailed(SaneStatus status, string operation)
    {
        if (status != SaneStatus.Good)
        {
            throw ToException(status, operation);
        }
    }

    public static DeviceException ToException(SaneStatus status, string operation)
    {
        var (code, transient) = status switch
        {
            SaneStatus.Unsupported => ("sane.unsupported", false),
            SaneStatus.Cancelled => ("sane.cancelled", true),
            SaneStatus.DeviceBusy => ("sane.busy", true),
            SaneStatus.Invalid => ("sane.invalid", false),
            SaneStatus.Jammed => ("sane.jammed", true),
            SaneStatus.NoDocuments => ("sane.adf_empty", true),
            SaneStatus.CoverOpen => ("sane.cover_open", true),
            SaneStatus.IoError => ("sane.io_error", true),
            SaneStatus.NoMemory => ("sane.no_memory", true),
            SaneStatus.AccessDenied => ("sane.access_denied", false),
            _ => ("sane.failed", true),
        };
        return new DeviceException(code, $"SANE {operation} failed: {Describe(status)}.", transient);
    }

    public static DeviceException LibraryMissing() => new(
        "sane.library_missing",
        "SANE's library (libsane.so.1) is not installed: install the Debian package libsane1 (and sane-utils to list scanners).",
        isTransient: false);

    public static DeviceException NotSupportedOnThisOs() => new(
        "sane.os_not_supported",
        "SANE scanners are supported on Linux only; on this OS use the scanner's own software with the page-folder driver.",
        isTransient: false);

    private static string Describe(SaneStatus status)
    {
        var text = Native.Text(Native.sane_strstatus(status));
        return text.Length > 0 ? $"{text} (status {(int)status})" : $"status {(int)status}";
    }
}
