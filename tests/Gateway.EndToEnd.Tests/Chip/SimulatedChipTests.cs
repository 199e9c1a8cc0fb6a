using Gateway.Contracts.V1;
using Grpc.Core;

namespace Gateway.EndToEnd.Tests.Chip;

/// <summary>
/// The simulated booth's chip: every passport or ID card the simulated document reader reads is laid on the simulated
/// chip reader, and the real gateway reads that chip with the MRZ just read — over loopback gRPC, as at a booth.
/// </summary>
public sealed class SimulatedChipTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly DirectoryInfo _csca = Directory.CreateTempSubdirectory("gateway-simulated-csca-");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _csca.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task DocumentRead_ItsChipIsReadVerifiedAndMatchesTheMrz()
    {
        await using var gateway = await StartAsync(["--Gateway:Chip:CscaFolder", _csca.FullName]);
        using var captures = new CaptureService.CaptureServiceClient(gateway.Channel).WatchCaptures(new WatchCapturesRequest(), cancellationToken: CancellationToken.None);

        var document = await new CaptureService.CaptureServiceClient(gateway.Channel).TriggerCaptureAsync(new TriggerCaptureRequest { DeviceId = "reader-1" });
        var chip = await NextChipAsync(captures);

        Assert.True(chip.Verified, string.Join("; ", chip.Checks.Select(c => $"{c.Name} {c.Outcome} {c.Detail}")));
        Assert.Equal("chip-1", chip.DeviceId);
        Assert.Equal(document.Id, chip.TriggerId);
        Assert.Equal(document.Document.Fields.DocumentNumber, chip.Chip.Mrz.Summary.DocumentNumber);
        Assert.Equal(document.Document.Fields.Surname, chip.Chip.Mrz.Summary.Surname);
        Assert.Contains(chip.Checks, c => c.Name == "chip.dg1.document-mrz" && c.Outcome == CheckOutcome.Passed);
        Assert.NotEqual(0, chip.Chip.Portrait.Data.Length);
    }

    [Fact]
    public async Task WithoutTrustingTheSimulatorsCsca_TheChipIsReadButNotVerified()
    {
        await using var gateway = await StartAsync([]);
        using var captures = new CaptureService.CaptureServiceClient(gateway.Channel).WatchCaptures(new WatchCapturesRequest(), cancellationToken: CancellationToken.None);

        await new CaptureService.CaptureServiceClient(gateway.Channel).TriggerCaptureAsync(new TriggerCaptureRequest { DeviceId = "reader-1" });
        var chip = await NextChipAsync(captures);

        Assert.False(chip.Verified);
        Assert.Contains(chip.Checks, c => c.Name == "chip.dg1.hash" && c.Outcome == CheckOutcome.Passed);
        Assert.Contains(chip.Checks, c => c.Name == "chip.signer.chain" && c.Outcome == CheckOutcome.Failed);
    }

    private async Task<RunningGateway> StartAsync(string[] args)
    {
        var gateway = await RunningGateway.StartAsync(
            [
                RunningGateway.Device("reader-1", "simulated-document"),
                RunningGateway.Device("chip-1", "simulated-chip", new { CscaFolder = _csca.FullName, PlaceAfter = "00:00:00.050" }),
            ],
            args);
        var devices = new DeviceService.DeviceServiceClient(gateway.Channel);
        using var events = devices.WatchDevices(new WatchDevicesRequest { DeviceId = "chip-1" });
        if ((await devices.GetDeviceAsync(new GetDeviceRequest { DeviceId = "chip-1" })).State != DeviceState.Ready)
        {
            using var timeout = new CancellationTokenSource(Timeout);
            while (await events.ResponseStream.MoveNext(timeout.Token) && events.ResponseStream.Current.StateChanged?.Device.State != DeviceState.Ready)
            {
            }
        }

        return gateway;
    }

    private static async Task<Capture> NextChipAsync(AsyncServerStreamingCall<Capture> captures)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (await captures.ResponseStream.MoveNext(timeout.Token))
        {
            if (captures.ResponseStream.Current.Kind == CaptureKind.Chip)
            {
                return captures.ResponseStream.Current;
            }
        }

        throw new InvalidOperationException("The capture stream ended before a chip capture.");
    }
}
