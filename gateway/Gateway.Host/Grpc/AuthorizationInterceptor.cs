using Gateway.Host.Security;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Gateway.Host.Grpc;

/// <summary>
/// Authenticates every call and checks its method's roles in <see cref="MethodRoles"/>: UNAUTHENTICATED without a known
/// credential, PERMISSION_DENIED for a role the method does not allow. Denials are audited by method, identity and
/// peer address only. The caller is kept in the call's user state for the services (<see cref="CallerOf"/>).
/// </summary>
internal sealed class AuthorizationInterceptor(Authenticator authenticator, Texts texts, Audit audit) : Interceptor
{
    private const string Key = "gateway.caller";

    /// <summary>The authenticated caller of a call that passed this interceptor.</summary>
    public static Caller CallerOf(ServerCallContext context) =>
        context.UserState.TryGetValue(Key, out var caller) && caller is Caller c ? c : Caller.Local;

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(requestStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Authorize(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        var caller = authenticator.Authenticate(
            http.Connection.ClientCertificate, context.RequestHeaders.GetValue("authorization"), http.Connection.RemoteIpAddress);
        if (caller is null)
        {
            audit.Denied(context.Method, "-", "unauthenticated", context.Peer);
            throw new RpcException(new Status(StatusCode.Unauthenticated, texts.Format("CallUnauthenticated")));
        }

        if (!caller.MayCall(MethodRoles.For(context.Method)))
        {
            audit.Denied(context.Method, caller.Identity, "role " + caller.Role, context.Peer);
            throw new RpcException(new Status(StatusCode.PermissionDenied, texts.Format("CallPermissionDenied", caller.Role, context.Method)));
        }

        context.UserState[Key] = caller;
    }
}
