namespace Gateway.Drivers.Serial.Framing;

/// <summary>One kind of frame a profile carries, told apart from the others by its sentinels.</summary>
/// <param name="Content">What frames of this channel carry.</param>
/// <param name="Start">The bytes that open a frame (empty for the <see cref="FrameLayout.Lines"/> layout).</param>
/// <param name="End">The bytes that close a frame (optional for the <see cref="FrameLayout.Lines"/> layout).</param>
public sealed record FrameChannel(FrameContent Content, ReadOnlyMemory<byte> Start, ReadOnlyMemory<byte> End);
