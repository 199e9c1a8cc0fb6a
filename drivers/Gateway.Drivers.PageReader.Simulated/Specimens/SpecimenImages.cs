namespace Gateway.Drivers.PageReader.Simulated.Specimens;

/// <summary>The glass of the reader imaged under each light, encoded.</summary>
/// <param name="Visible">White light, colour JPEG.</param>
/// <param name="Infrared">Infrared, grey PNG.</param>
/// <param name="Ultraviolet">Ultraviolet, colour JPEG.</param>
/// <param name="Width">Width in pixels (all three).</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Ppi">Resolution.</param>
public sealed record SpecimenImages(byte[] Visible, byte[] Infrared, byte[] Ultraviolet, int Width, int Height, int Ppi);
