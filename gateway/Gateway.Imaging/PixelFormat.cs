namespace Gateway.Imaging;

/// <summary>How the pixels of a <see cref="Frame"/> are laid out.</summary>
public enum PixelFormat
{
    /// <summary>One byte per pixel, 0 black to 255 white.</summary>
    Gray8 = 1,

    /// <summary>Three bytes per pixel in blue, green, red order (OpenCV's and most cameras' native order).</summary>
    Bgr24 = 2,
}
