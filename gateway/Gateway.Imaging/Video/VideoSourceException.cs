namespace Gateway.Imaging.Video;

/// <summary>A video source could not be opened or stopped delivering frames.</summary>
public sealed class VideoSourceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">A stable dotted code: <c>camera.open_failed</c>, <c>camera.source_missing</c>.</param>
    /// <param name="message">What happened, for technicians.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public VideoSourceException(string code, string message, Exception? innerException = null)
        : base(message, innerException) => Code = code;

    /// <summary>A stable dotted code.</summary>
    public string Code { get; }
}
