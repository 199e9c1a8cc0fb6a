using Gateway.Host.Captures;
using Gateway.Host.Devices;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Gateway.Host.Grpc;

/// <summary>The one place where exceptions become gRPC status codes.</summary>
internal sealed class ErrorMappingInterceptor(Texts texts, ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (Map(ex, context) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (Map(ex, context) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception ex) when (Map(ex, context) is { } mapped)
        {
            throw mapped;
        }
    }

    private RpcException? Map(Exception exception, ServerCallContext context)
    {
        var status = exception switch
        {
            RpcException => (Status?)null,
            OperationCanceledException when context.CancellationToken.IsCancellationRequested =>
                new Status(StatusCode.Cancelled, "The call was cancelled."),
            DeviceNotFoundException => new Status(StatusCode.NotFound, exception.Message),
            DevicePreconditionException => new Status(StatusCode.FailedPrecondition, exception.Message),
            SubscriberLaggingException lagging =>
                new Status(StatusCode.ResourceExhausted, texts.Format("SubscriberLagging", lagging.LastDelivered)),
            _ => null,
        };
        if (status is null && exception is not RpcException)
        {
            Log.CallFailed(logger, context.Method, exception);
        }

        return status is { } s ? new RpcException(s) : null;
    }
}
