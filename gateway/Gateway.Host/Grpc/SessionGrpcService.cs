using Gateway.Contracts.V1;
using Gateway.Host.Devices;
using Gateway.Host.Sessions;
using Grpc.Core;

namespace Gateway.Host.Grpc;

/// <summary><c>gateway.v1.SessionService</c>: booth sessions over one bidirectional call, and records by id.</summary>
internal sealed class SessionGrpcService(SessionManager sessions, DeviceRegistry devices, Captures.CaptureHub hub, Texts texts, Security.Audit audit)
    : SessionService.SessionServiceBase
{
    public override async Task RunSession(IAsyncStreamReader<SessionCommand> requestStream, IServerStreamWriter<SessionEvent> responseStream, ServerCallContext context)
    {
        var call = context.CancellationToken;
        if (!await requestStream.MoveNext(call) || requestStream.Current.CommandCase != SessionCommand.CommandOneofCase.Start)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, texts.Format("SessionFirstCommand")));
        }

        var start = requestStream.Current.Start;
        var resumed = start.ResumeSessionId.Length > 0;
        var session = resumed
            ? sessions.Find(start.ResumeSessionId) ?? throw new RpcException(new Status(StatusCode.NotFound, texts.Format("SessionNotFound", start.ResumeSessionId)))
            : sessions.Open(start);
        if (session.AttachClient(resumed) is not { } hold)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, texts.Format("SessionInUse", session.Id)));
        }

        // The call ends when its client goes, or when a reconnecting client takes the session over.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(call, hold);
        var commands = Task.Run(() => ReadCommandsAsync(requestStream, session, stop.Token), stop.Token);
        try
        {
            await foreach (var sessionEvent in session.Events.ReadAllAsync(stop.Token))
            {
                await responseStream.WriteAsync(sessionEvent, call);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await commands;
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
            {
            }

            session.DetachClient(hold, sessions.ReconnectGrace, sessions.Time);
        }
    }

    public override Task<TravellerRecord> GetRecord(GetRecordRequest request, ServerCallContext context)
    {
        // A record made before a restart is still in the journal until acknowledged.
        var record = sessions.Records.Find(request.RecordId)
            ?? hub.Find(request.RecordId)?.Record
            ?? throw new RpcException(new Status(StatusCode.NotFound, texts.Format("RecordNotFound", request.RecordId)));
        audit.RecordRead(AuthorizationInterceptor.CallerOf(context).Identity, record.Id);
        return Task.FromResult(record);
    }

    private async Task ReadCommandsAsync(IAsyncStreamReader<SessionCommand> requests, BoothSession session, CancellationToken cancellationToken)
    {
        while (await requests.MoveNext(cancellationToken))
        {
            var command = requests.Current;
            switch (command.CommandCase)
            {
                case SessionCommand.CommandOneofCase.Capture:
                    await session.CaptureAsync(command.Capture.Step, devices, cancellationToken);
                    break;
                case SessionCommand.CommandOneofCase.Retry:
                    session.Retry(command.Retry.Step);
                    break;
                case SessionCommand.CommandOneofCase.Complete:
                    session.Complete(sessions.Time.GetUtcNow());
                    return;
                case SessionCommand.CommandOneofCase.Abandon:
                    session.Abandon("session.abandoned", texts.Format("SessionAbandoned"));
                    return;
            }
        }
    }
}
