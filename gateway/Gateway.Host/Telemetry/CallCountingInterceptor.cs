using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Gateway.Host.Telemetry;

/// <summary>
/// Counts every gRPC call by method and final status. ASP.NET Core's request metrics see a gRPC error as HTTP 200 (the
/// status travels in trailers); this interceptor runs outermost, so it sees the status the client gets.
/// </summary>
internal sealed class CallCountingInterceptor(GatewayTelemetry telemetry) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            var response = await continuation(request, context);
            telemetry.CallEnded(context.Method, context.Status.StatusCode);
            return response;
        }
        catch (Exception ex)
        {
            telemetry.CallEnded(context.Method, StatusOf(ex));
            throw;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            var response = await continuation(requestStream, context);
            telemetry.CallEnded(context.Method, context.Status.StatusCode);
            return response;
        }
        catch (Exception ex)
        {
            telemetry.CallEnded(context.Method, StatusOf(ex));
            throw;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
            telemetry.CallEnded(context.Method, context.Status.StatusCode);
        }
        catch (Exception ex)
        {
            telemetry.CallEnded(context.Method, StatusOf(ex));
            throw;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
            telemetry.CallEnded(context.Method, context.Status.StatusCode);
        }
        catch (Exception ex)
        {
            telemetry.CallEnded(context.Method, StatusOf(ex));
            throw;
        }
    }

    /// <summary>The status grpc-dotnet sends for an exception that leaves the handlers.</summary>
    private static StatusCode StatusOf(Exception exception) => exception switch
    {
        RpcException rpc => rpc.StatusCode,
        OperationCanceledException => StatusCode.Cancelled,
        _ => StatusCode.Unknown,
    };
}
