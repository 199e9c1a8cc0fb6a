using System.Threading.Channels;

namespace Gateway.Drivers;

/// <summary>
/// A device with a live view (a camera). The host shows it to officers; each viewer subscribes on its own and never
/// slows the device or other viewers.
/// </summary>
public interface IPreviewSource
{
    /// <summary>
    /// Subscribes to live frames. The reader holds at most <paramref name="capacity"/> frames; when the viewer falls
    /// behind, the oldest frame is dropped (the device never waits). The reader completes when the device stops or
    /// <paramref name="cancellationToken"/> is cancelled, which also ends the subscription.
    /// </summary>
    /// <param name="capacity">Frames buffered for this viewer, at least 1.</param>
    /// <param name="cancellationToken">Ends the subscription.</param>
    ChannelReader<PreviewFrame> SubscribePreview(int capacity, CancellationToken cancellationToken);
}

/// <summary>One live frame as the device grabbed it, with the quality feedback current at that moment.</summary>
/// <remarks>
/// The pixels stay with the device until a viewer asks for them encoded: <see cref="EncodeJpeg"/> runs on the viewer's
/// thread, at the viewer's size and quality, so encoding never costs the device's capture thread anything.
/// </remarks>
public abstract class PreviewFrame
{
    /// <summary>Describes a frame.</summary>
    /// <param name="number">The frame's number since the device opened, from 1.</param>
    /// <param name="grabbedAt">When the device grabbed the frame.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="feedback">The quality feedback current when the frame was grabbed; null when the device gives none.</param>
    protected PreviewFrame(long number, DateTimeOffset grabbedAt, int width, int height, QualityFeedback? feedback)
    {
        Number = number;
        GrabbedAt = grabbedAt;
        Width = width;
        Height = height;
        Feedback = feedback;
    }

    /// <summary>The frame's number since the device opened, from 1; gaps are frames this viewer did not get.</summary>
    public long Number { get; }

    /// <summary>When the device grabbed the frame.</summary>
    public DateTimeOffset GrabbedAt { get; }

    /// <summary>Width in pixels, as grabbed.</summary>
    public int Width { get; }

    /// <summary>Height in pixels, as grabbed.</summary>
    public int Height { get; }

    /// <summary>The quality feedback current when the frame was grabbed; null when the device gives none.</summary>
    public QualityFeedback? Feedback { get; }

    /// <summary>Encodes the frame as JPEG on the calling thread.</summary>
    /// <param name="maxWidth">Reduce to at most this width, keeping the aspect ratio; 0 keeps the full size.</param>
    /// <param name="quality">JPEG quality, 1 to 100.</param>
    public abstract CapturedImage EncodeJpeg(int maxWidth, int quality);
}

/// <summary>What a camera's quality gate thinks of the current view, for the officer.</summary>
/// <param name="Code">
/// A stable code of the instruction for the traveller (<c>move_closer</c>, <c>look_straight</c>, <c>too_dark</c>,
/// <c>ready</c>…); the host shows its own English or French text for it.
/// </param>
/// <param name="Checks">Every measure with its value and threshold, as capture checks.</param>
public sealed record QualityFeedback(string Code, IReadOnlyList<CaptureCheck> Checks)
{
    /// <summary>Consecutive frames that passed every check so far.</summary>
    public int GoodFrames { get; init; }

    /// <summary>Consecutive good frames the device waits for before it captures by itself; 0 when it does not.</summary>
    public int GoodFramesNeeded { get; init; }
}
