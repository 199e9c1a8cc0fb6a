namespace Gateway.Drivers.Fingerprint.Libfprint.Internal;

/// <summary>The one place where libfprint's GErrors become retry reasons or <see cref="DeviceException"/>s.</summary>
internal static class LibfprintErrors
{
    private static uint? _retryDomain;
    private static uint? _errorDomain;
    private static uint? _ioDomain;

    /// <summary>The retry reason of a FP_DEVICE_RETRY error (an incident code of <see cref="FingerprintEvents"/>), else null.</summary>
    public static string? RetryReason(GErrorInfo error)
    {
        _retryDomain ??= Native.fp_device_retry_quark();
        if (error.Domain != _retryDomain)
        {
            return null;
        }

        return error.Code switch
        {
            1 => FingerprintEvents.RetryTooShort,
            2 => FingerprintEvents.RetryCentreFinger,
            3 => FingerprintEvents.RetryRemoveFinger,
            _ => FingerprintEvents.Retry,
        };
    }

    /// <summary>Whether the error is GIO's "operation was cancelled".</summary>
    public static bool IsCancelled(GErrorInfo error)
    {
        _ioDomain ??= Native.g_io_error_quark();
        return error.Domain == _ioDomain && error.Code == Native.IoErrorCancelled;
    }

    /// <summary>A device error (FP_DEVICE_ERROR and anything else) as a typed exception.</summary>
    public static DeviceException ToException(GErrorInfo error, string operation)
    {
        _errorDomain ??= Native.fp_device_error_quark();
        var (code, transient) = error.Domain != _errorDomain ? ("libfprint.failed", true) : error.Code switch
        {
            1 => ("libfprint.not_supported", false),
            2 => ("libfprint.not_open", true),
            3 => ("libfprint.already_open", true),
            4 => ("libfprint.busy", true),
            5 => ("libfprint.protocol", true),
            6 => ("libfprint.data_invalid", true),
            0x100 => ("libfprint.device_removed", true),
            0x101 => ("libfprint.too_hot", true),
            _ => ("libfprint.general", true),
        };
        return new DeviceException(code, $"libfprint {operation} failed: {error.Message} (error {error.Code}).", transient);
    }
}
