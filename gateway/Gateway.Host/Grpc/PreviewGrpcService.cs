using Gateway.Contracts.V1;
using Gateway.Host.Captures;
using Gateway.Host.Devices;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using CheckOutcome = Gateway.Contracts.V1.CheckOutcome;
using PreviewFrame = Gateway.Contracts.V1.PreviewFrame;
using QualityFeedback = Gateway.Contracts.V1.QualityFeedback;

namespace Gateway.Host.Grpc;

/// <summary>
/// <c>gateway.v1.PreviewService</c>. Each viewer subscribes on its own with a one-frame buffer that drops the oldest,
/// paces itself to its own rate, and encodes on its own call's thread: the camera's thread only hands frames over.
/// </summary>
internal sealed class PreviewGrpcService(DeviceRegistry registry, CameraTexts texts, TimeProvider time)
    : PreviewService.PreviewServiceBase
{
    public override async Task StreamPreview(StreamPreviewRequest request, IServerStreamWriter<PreviewFrame> responseStream, ServerCallContext context)
    {
        var device = registry.Get(request.DeviceId);
        if (device.DeviceClass != Drivers.DeviceClass.Camera)
        {
            throw new DevicePreconditionException(texts.Format("PreviewNotSupported", request.DeviceId));
        }

        var fps = request.MaxFps > 0 ? Math.Min(request.MaxFps, 60) : 10;
        var width = request.MaxWidth > 0 ? (int)Math.Min(request.MaxWidth, 8192) : 640;
        var quality = request.JpegQuality is > 0 and <= 100 ? (int)request.JpegQuality : 75;
        var interval = TimeSpan.FromSeconds(1 / fps);
        var cancellationToken = context.CancellationToken;
        var next = time.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            if (device.Preview is not { } preview)
            {
                // Between restarts of the camera: wait for the next driver instead of ending the viewer's stream.
                await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
                continue;
            }

            var frames = preview.SubscribePreview(1, cancellationToken);
            await foreach (var first in frames.ReadAllAsync(cancellationToken))
            {
                var wait = time.GetElapsedTime(time.GetTimestamp(), next);
                if (wait > TimeSpan.Zero)
                {
                    // Faster than this viewer's rate: wait, then send the newest frame grabbed meanwhile.
                    await Task.Delay(wait, time, cancellationToken);
                }

                var frame = first;
                while (frames.TryRead(out var newer))
                {
                    frame = newer;
                }

                next = time.GetTimestamp() + (long)(interval.TotalSeconds * time.TimestampFrequency);
                await responseStream.WriteAsync(ToContract(frame, width, quality), cancellationToken);
            }
        }
    }

    private PreviewFrame ToContract(Drivers.PreviewFrame frame, int width, int quality)
    {
        var image = frame.EncodeJpeg(width, quality);
        var message = new PreviewFrame
        {
            Image = new Image
            {
                Data = ByteString.CopyFrom(image.Data.Span),
                Format = Contracts.V1.ImageFormat.Jpeg,
                Width = (uint)image.Width,
                Height = (uint)image.Height,
                Light = (Contracts.V1.LightSource)image.Light,
            },
            GrabbedAt = Timestamp.FromDateTimeOffset(frame.GrabbedAt),
            FrameNumber = (ulong)frame.Number,
        };
        if (frame.Feedback is { } feedback)
        {
            message.Feedback = new QualityFeedback
            {
                Code = feedback.Code,
                Instruction = texts.Instruction(feedback.Code),
                GoodFrames = (uint)feedback.GoodFrames,
                GoodFramesNeeded = (uint)feedback.GoodFramesNeeded,
            };
            message.Feedback.Checks.AddRange(feedback.Checks.Select(c => new VerificationCheck
            {
                Name = c.Name,
                Outcome = (CheckOutcome)c.Outcome,
                Detail = c.Detail,
            }));
        }

        message.SentAt = Timestamp.FromDateTimeOffset(time.GetUtcNow());
        return message;
    }
}
