using Gateway.Emrtd;

namespace Gateway.Drivers.Pcsc.Internal;

/// <summary>PC/SC result codes mapped to typed errors, in one place.</summary>
internal static class PcscStatus
{
    public const uint Success = 0;
    public const uint Cancelled = 0x80100002;
    public const uint InvalidHandle = 0x80100003;
    public const uint InsufficientBuffer = 0x80100008;
    public const uint UnknownReader = 0x80100009;
    public const uint Timeout = 0x8010000A;
    public const uint NoSmartcard = 0x8010000C;
    public const uint NotTransacted = 0x80100016;
    public const uint ReaderUnavailable = 0x80100017;
    public const uint NoService = 0x8010001D;
    public const uint ServiceStopped = 0x8010001E;
    public const uint NoReadersAvailable = 0x8010002E;
    public const uint UnresponsiveCard = 0x80100066;
    public const uint UnpoweredCard = 0x80100067;
    public const uint ResetCard = 0x80100068;
    public const uint RemovedCard = 0x80100069;

    public static PcscException ToException(uint code, string operation)
    {
        var kind = code switch
        {
            RemovedCard or ResetCard or UnpoweredCard or UnresponsiveCard or InvalidHandle => ChipErrorKind.CardRemoved,
            NoSmartcard => ChipErrorKind.NoCard,
            UnknownReader or ReaderUnavailable or NoService or ServiceStopped or NoReadersAvailable => ChipErrorKind.ReaderUnavailable,
            _ => ChipErrorKind.Transport,
        };
        return new PcscException(code, kind, $"{operation}: {Describe(code)} (0x{code:X8}).");
    }

    public static void ThrowIfFailed(uint code, string operation)
    {
        if (code != Success)
        {
            throw ToException(code, operation);
        }
    }

    public static string Describe(uint code) => code switch
    {
        Cancelled => "cancelled",
        InvalidHandle => "the card handle is no longer valid",
        InsufficientBuffer => "buffer too small",
        UnknownReader => "unknown reader",
        Timeout => "timeout",
        NoSmartcard => "no card in the reader",
        NotTransacted => "the exchange with the card failed",
        ReaderUnavailable => "the reader is unavailable",
        NoService => "the PC/SC service (pcscd) is not running",
        ServiceStopped => "the PC/SC service stopped",
        NoReadersAvailable => "no reader is connected",
        UnresponsiveCard => "the card does not answer",
        UnpoweredCard => "the card is not powered",
        ResetCard => "the card was reset",
        RemovedCard => "the card was removed",
        _ => "PC/SC error",
    };
}
