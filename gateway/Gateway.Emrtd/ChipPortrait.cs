namespace Gateway.Emrtd;

/// <summary>The facial image of DG2, kept exactly as the chip stores it.</summary>
/// <param name="Data">The encoded image bytes.</param>
/// <param name="Format">The encoding.</param>
/// <param name="Width">Width in pixels as the biometric header says (0 when unknown).</param>
/// <param name="Height">Height in pixels as the biometric header says (0 when unknown).</param>
public sealed record ChipPortrait(byte[] Data, ChipImageFormat Format, int Width, int Height);

/// <summary>Image encodings DG2 uses.</summary>
public enum ChipImageFormat
{
    /// <summary>Not recognised.</summary>
    Unknown,

    /// <summary>JPEG (ISO/IEC 10918).</summary>
    Jpeg,

    /// <summary>JPEG 2000 (ISO/IEC 15444), file format or codestream.</summary>
    Jpeg2000,
}
