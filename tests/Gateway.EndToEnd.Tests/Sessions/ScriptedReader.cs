using System.Threading.Channels;
using Gateway.Drivers;
using Microsoft.Extensions.Configuration;

namespace Gateway.EndToEnd.Tests.Sessions;

/// <summary>
/// A document reader the test feeds: every payload written to <see cref="Feed"/> is published by the running driver as
/// if a traveller had swiped a document. Registered in process, beside the driver packages.
/// </summary>
internal sealed class ScriptedReaderFactory : IDriverFactory
{
    public Channel<CapturePayload> Feed { get; } = Channel.CreateUnbounded<CapturePayload>();

    public string Name => "scripted-document";

    public DeviceClass DeviceClass => DeviceClass.DocumentReader;

    public IReadOnlyList<DriverSettingError> Validate(IConfigurationSection settings) => [];

    public IDeviceDriver Create(string deviceId, IConfigurationSection settings) => new ScriptedReader(Feed.Reader);

    private sealed class ScriptedReader(ChannelReader<CapturePayload> feed) : IDocumentReader
    {
        public async Task RunAsync(IDeviceContext context, CancellationToken cancellationToken)
        {
            context.ReportState(DeviceState.Ready);
            await foreach (var payload in feed.ReadAllAsync(cancellationToken))
            {
                await context.PublishAsync(new CaptureData(payload) { CapturedAt = context.TimeProvider.GetUtcNow() }, cancellationToken);
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
