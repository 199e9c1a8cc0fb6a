using System.Threading.Channels;
using Gateway.Drivers;
using Microsoft.Extensions.Configuration;

namespace Gateway.EndToEnd.Tests.Diagnostics;

/// <summary>
/// A document reader with its own health checks (<see cref="IHealthCheckable"/>), registered in process: its internal
/// self-test passes with a detail, its external check never returns and ignores cancellation (a stuck SDK call), and it
/// leaves the interactive level to the gateway. It captures only what the test writes to <see cref="Feed"/>.
/// </summary>
internal sealed class CheckableReaderFactory : IDriverFactory
{
    public Channel<CapturePayload> Feed { get; } = Channel.CreateUnbounded<CapturePayload>();

    public string Name => "checkable-document";

    public DeviceClass DeviceClass => DeviceClass.DocumentReader;

    public IReadOnlyList<DriverSettingError> Validate(IConfigurationSection settings) => [];

    public IDeviceDriver Create(string deviceId, IConfigurationSection settings) => new CheckableReader(Feed.Reader);

    private sealed class CheckableReader(ChannelReader<CapturePayload> feed) : IDocumentReader, IHealthCheckable
    {
        public async Task RunAsync(IDeviceContext context, CancellationToken cancellationToken)
        {
            context.ReportIdentity(new DeviceIdentity("Acme", "DocuScan 9", "SN-0042", "4.2.1"));
            context.ReportState(DeviceState.Ready);
            await foreach (var payload in feed.ReadAllAsync(cancellationToken))
            {
                await context.PublishAsync(new CaptureData(payload) { CapturedAt = context.TimeProvider.GetUtcNow() }, cancellationToken);
            }
        }

        public async Task<HealthCheckResult?> CheckHealthAsync(HealthCheckLevel level, CancellationToken cancellationToken)
        {
            switch (level)
            {
                case HealthCheckLevel.Internal:
                    return new HealthCheckResult(true, "acme.self_test", "lamp and sensor self-test passed")
                    {
                        Details = new Dictionary<string, string> { ["lamp_hours"] = "1234" },
                    };
                case HealthCheckLevel.External:
                    await new TaskCompletionSource().Task; // never completes, whatever the token says
                    return null;
                default:
                    return null;
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
