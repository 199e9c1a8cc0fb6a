namespace Gateway.Imaging;

/// <summary>Encoded image bytes could not be turned into a <see cref="Frame"/>: not an image, truncated, or too large.</summary>
public sealed class FrameDecodeException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">A stable code: <c>image.unreadable</c> or <c>image.too_large</c>.</param>
    /// <param name="message">A sentence for people.</param>
    /// <param name="innerException">What the image decoder threw, if anything.</param>
    public FrameDecodeException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>A stable code: <c>image.unreadable</c> or <c>image.too_large</c>.</summary>
    public string Code { get; }
}
