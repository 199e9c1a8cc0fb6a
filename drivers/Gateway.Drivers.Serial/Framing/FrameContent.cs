namespace Gateway.Drivers.Serial.Framing;

/// <summary>What a frame carries.</summary>
public enum FrameContent
{
    /// <summary>The lines of a machine-readable zone.</summary>
    Mrz = 1,

    /// <summary>The data of a barcode, optionally after an AIM symbology identifier.</summary>
    Barcode = 2,
}

/// <summary>How frames are delimited on the wire.</summary>
public enum FrameLayout
{
    /// <summary>Start and end sentinels around each frame (vendor protocols).</summary>
    Sentinels = 1,

    /// <summary>
    /// Bare text lines, as keyboard-like readers send them: a document ends at an empty line, at the optional end
    /// sentinel, or when the line stream pauses for the inter-byte timeout.
    /// </summary>
    Lines = 2,
}

/// <summary>The block check character (BCC) that follows a frame's end sentinel.</summary>
public enum BlockCheck
{
    /// <summary>No block check.</summary>
    None = 0,

    /// <summary>One byte: the XOR of every byte after the start sentinel up to and including the end sentinel.</summary>
    Xor = 1,

    /// <summary>One byte: the sum, modulo 256, of the same bytes as <see cref="Xor"/>.</summary>
    Sum = 2,
}
