using Gateway.Mrz;

namespace Gateway.MrzOcr.TestMedia;

/// <summary>One generated image holding an MRZ, and what it must read as.</summary>
/// <param name="Name">A file name without extension, unique in its set, e.g. <c>007-Td3-camera</c>.</param>
/// <param name="Format">The MRZ layout drawn.</param>
/// <param name="Text">The MRZ lines joined by <c>\n</c>.</param>
/// <param name="Quad">The MRZ block's corners in the image (top-left, top-right, bottom-right, bottom-left of the text as read).</param>
/// <param name="Crop">The MRZ block alone, upright, undegraded but for the same blur and noise (what a crop-only OCR is given).</param>
/// <param name="Image">The encoded image file.</param>
/// <param name="Extension">"png" or "jpg".</param>
/// <param name="Kind">"page" (a flatbed or page-reader scan) or "camera" (a webcam or document camera frame).</param>
public sealed record MrzSample(string Name, MrzFormat Format, string Text, (float X, float Y)[] Quad, byte[] Crop, byte[] Image, string Extension, string Kind);
