namespace Gateway.Imaging;

/// <summary>An encoded image (JPEG or PNG bytes) and its size in pixels.</summary>
/// <param name="Data">The encoded bytes.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record EncodedImage(byte[] Data, int Width, int Height);
