using Grpc.Core;

namespace Gateway.Cli;

/// <summary>Runs a command's gRPC work and turns failures into a message and exit code 1.</summary>
internal static class Calls
{
    public static async Task<int> RunAsync(Console console, Func<Task<int>> work)
    {
        try
        {
            return await work();
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
        {
            await console.Error.WriteLineAsync($"gatewayctl: {ex.StatusCode}: {ex.Status.Detail}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
    }
}
