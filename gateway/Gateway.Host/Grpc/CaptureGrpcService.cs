using Gateway.Contracts.V1;
using Gateway.Host.Captures;
using Gateway.Host.Devices;
using Grpc.Core;

namespace Gateway.Host.Grpc;

/// <summary><c>gateway.v1.CaptureService</c>: the resumable capture stream, acknowledgements and triggers.</summary>
internal sealed class CaptureGrpcService(
    CaptureHub hub,
    DeviceRegistry registry,
    Sessions.ClaimRegistry claims,
    Texts texts,
    Security.Audit audit,
    Telemetry.GatewayTelemetry telemetry,
    ILogger<CaptureGrpcService> logger)
    : CaptureService.CaptureServiceBase
{
    public override async Task WatchCaptures(WatchCapturesRequest request, IServerStreamWriter<Capture> responseStream, ServerCallContext context)
    {
        foreach (var id in request.DeviceIds)
        {
            registry.Get(id);
        }

        using var subscription = hub.Subscribe(request.AfterSequence, request.DeviceIds);
        var caller = AuthorizationInterceptor.CallerOf(context);
        Log.WatchStarted(logger, context.Peer, request.AfterSequence);
        telemetry.WatchStarted();
        try
        {
            await foreach (var capture in subscription.ReadAllAsync(context.CancellationToken))
            {
                using var delivery = telemetry.StartDelivery(capture);
                await responseStream.WriteAsync(capture, context.CancellationToken);
                audit.Read(caller.Identity, capture.Id, capture.Sequence);
            }
        }
        finally
        {
            telemetry.WatchEnded();
            Log.WatchEnded(logger, context.Peer);
        }
    }

    public override Task<AcknowledgeResponse> Acknowledge(AcknowledgeRequest request, ServerCallContext context)
    {
        var caller = AuthorizationInterceptor.CallerOf(context);
        var released = hub.Acknowledge(request.CaptureIds, caller.Identity);
        foreach (var id in request.CaptureIds)
        {
            audit.Acknowledged(caller.Identity, id);
        }

        return Task.FromResult(new AcknowledgeResponse { Released = (uint)released });
    }

    public override Task<Capture> TriggerCapture(TriggerCaptureRequest request, ServerCallContext context)
    {
        var device = registry.Get(request.DeviceId);
        if (claims.HolderOf(device.DeviceId) is { } booth)
        {
            // A claimed device captures only for its booth's session.
            throw new DevicePreconditionException(texts.Format("SessionDeviceClaimed", device.DeviceId, booth));
        }

        Drivers.CaptureKind? kind = request.Kind == CaptureKind.Unspecified ? null : (Drivers.CaptureKind)request.Kind;
        if (request.FingerPositions.Count > 0)
        {
            return device.TriggerAsync(Drivers.CaptureKind.Fingerprint, context.CancellationToken, [.. request.FingerPositions.Select(p => (Drivers.FingerPosition)p)]);
        }

        return device.TriggerAsync(kind, context.CancellationToken);
    }
}
