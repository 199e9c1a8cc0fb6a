using System.CommandLine;
using Grpc.Health.V1;

namespace Gateway.Cli.Health;

/// <summary><c>gatewayctl health</c>: the gateway's gRPC health; exit code 0 only when SERVING.</summary>
internal static class HealthCommand
{
    public static Command Create(Console console)
    {
        var command = new Command("health", "Ask the gateway whether it is serving (grpc.health.v1).");
        command.SetAction((parse, cancellationToken) => Calls.RunAsync(console, async () =>
        {
            using var channel = GlobalOptions.Channel(parse);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            var response = await new Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(
                new HealthCheckRequest(), cancellationToken: timeout.Token);
            await console.Out.WriteLineAsync(parse.GetValue(GlobalOptions.Json)
                ? GlobalOptions.ToJson(response)
                : response.Status.ToString().ToUpperInvariant());
            return response.Status == HealthCheckResponse.Types.ServingStatus.Serving ? 0 : 1;
        }));
        return command;
    }
}
