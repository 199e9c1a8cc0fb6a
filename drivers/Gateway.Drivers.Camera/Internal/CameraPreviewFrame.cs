namespace Gateway.Drivers.Camera.Internal;

/// <summary>A grabbed frame offered to preview viewers; encoded only when a viewer asks, on the viewer's thread.</summary>
internal sealed class CameraPreviewFrame(TimedFrame frame, QualityFeedback? feedback)
    : PreviewFrame(frame.Number, frame.GrabbedAt, frame.Frame.Width, frame.Frame.Height, feedback)
{
    public override CapturedImage EncodeJpeg(int maxWidth, int quality)
    {
        var jpeg = frame.Frame.EncodeJpeg(Math.Clamp(quality, 1, 100), Math.Max(0, maxWidth));
        return new CapturedImage(jpeg.Data, ImageFormat.Jpeg, jpeg.Width, jpeg.Height) { Light = LightSource.Visible };
    }
}
