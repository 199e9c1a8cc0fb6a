namespace Gateway.Emrtd.Internal;

/// <summary>ISO 7816-4 status words mapped to typed errors, in one place.</summary>
internal static class StatusWords
{
    public const ushort Success = 0x9000;
    public const ushort FileNotFound = 0x6A82;
    public const ushort SecurityNotSatisfied = 0x6982;
    public const ushort AuthenticationFailed = 0x6300;
    public const ushort ConditionsNotSatisfied = 0x6985;
    public const ushort WrongData = 0x6A80;
    public const ushort SmObjectsMissing = 0x6987;
    public const ushort SmObjectsIncorrect = 0x6988;
    public const ushort InstructionNotSupported = 0x6D00;
    public const ushort ClassNotSupported = 0x6E00;
    public const ushort WrongParameters = 0x6B00;
    public const ushort WrongLength = 0x6700;
    public const ushort FunctionNotSupported = 0x6A81;

    public static ChipException ToException(ushort sw, string operation)
    {
        var kind = sw switch
        {
            SmObjectsMissing or SmObjectsIncorrect => ChipErrorKind.SecureMessaging,
            SecurityNotSatisfied or AuthenticationFailed or ConditionsNotSatisfied => ChipErrorKind.AccessDenied,
            InstructionNotSupported or ClassNotSupported or FunctionNotSupported => ChipErrorKind.NotSupported,
            _ when (sw & 0xFFF0) == 0x63C0 => ChipErrorKind.AccessDenied,
            _ => ChipErrorKind.StatusWord,
        };
        return new ChipException(kind, $"{operation}: the chip answered {sw:X4} ({Describe(sw)}).", sw);
    }

    public static string Describe(ushort sw) => sw switch
    {
        Success => "success",
        FileNotFound => "file not found",
        SecurityNotSatisfied => "security status not satisfied",
        AuthenticationFailed => "authentication failed",
        ConditionsNotSatisfied => "conditions of use not satisfied",
        WrongData => "incorrect data",
        SmObjectsMissing => "secure messaging objects missing",
        SmObjectsIncorrect => "secure messaging objects incorrect",
        InstructionNotSupported => "instruction not supported",
        ClassNotSupported => "class not supported",
        WrongParameters => "wrong parameters",
        WrongLength => "wrong length",
        FunctionNotSupported => "function not supported",
        _ when (sw & 0xFFF0) == 0x63C0 => $"verification failed, {sw & 0xF} tries left",
        _ => "unknown status",
    };
}
