namespace Gateway.Drivers.Serial.Framing;

/// <summary>What the <see cref="FrameReader"/> found next in the byte stream: a <see cref="Frame"/> or a <see cref="FrameError"/>.</summary>
/// <param name="Offset">Where it starts, in bytes from the start of the stream.</param>
public abstract record FrameEvent(long Offset);

/// <summary>A complete frame.</summary>
/// <param name="Offset">Where the frame starts, in bytes from the start of the stream.</param>
/// <param name="Content">What the frame carries.</param>
/// <param name="Data">The frame's data, without sentinels, header, flag and block check.</param>
public sealed record Frame(long Offset, FrameContent Content, ReadOnlyMemory<byte> Data) : FrameEvent(Offset)
{
    /// <summary>For MRZ frames: the non-empty lines, padding removed.</summary>
    public IReadOnlyList<string> Lines { get; init; } = [];

    /// <summary>For barcode frames: the AIM symbology identifier (e.g. <c>]L0</c>) when the data started with one.</summary>
    public string? AimIdentifier { get; init; }

    /// <summary>For barcode frames: the data after the AIM identifier.</summary>
    public ReadOnlyMemory<byte> Payload { get; init; }
}

/// <summary>A framing error: the bytes it covers were dropped; reading goes on at the next frame.</summary>
/// <param name="Offset">Where the dropped bytes start, in bytes from the start of the stream.</param>
/// <param name="Code">One of <see cref="FrameErrorCodes"/>.</param>
/// <param name="Detail">What went wrong, for technicians; never the frame's text.</param>
public sealed record FrameError(long Offset, string Code, string Detail) : FrameEvent(Offset)
{
    /// <summary>Whether a document (or barcode) was lost: the reader sent one that cannot be delivered.</summary>
    public bool IsLoss => Code is FrameErrorCodes.Incomplete or FrameErrorCodes.BlockCheck;
}

/// <summary>The stable codes of <see cref="FrameError"/>, also the codes of the device incidents they become.</summary>
public static class FrameErrorCodes
{
    /// <summary>A byte that is not ASCII text (or not allowed where it was) inside a frame.</summary>
    public const string InvalidByte = "frame.invalid_byte";

    /// <summary>A frame longer than the profile's maximum.</summary>
    public const string TooLong = "frame.too_long";

    /// <summary>A frame cut off: the stream ended, paused or a new frame started before its end.</summary>
    public const string Incomplete = "frame.incomplete";

    /// <summary>A frame whose block check character does not match its bytes.</summary>
    public const string BlockCheck = "frame.block_check";

    /// <summary>Bytes between frames that belong to no frame.</summary>
    public const string Noise = "frame.noise";
}
