using Gateway.Cli;
using Gateway.Contracts.V1;
using Gateway.Drivers.Serial.Tests.Socat;
using Grpc.Core;

namespace Gateway.EndToEnd.Tests;

/// <summary>
/// The real host with a <c>serial</c> device on one end of a socat pseudo-terminal pair and <c>gatewayctl serial
/// emulate</c> on the other: what a technician does to try a booth without a reader.
/// </summary>
public sealed class SerialReaderTests
{
    private const string Specimens = """
        P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
        L898902C36UTO7408122F1204159ZE184226B<<<<<10

        I<UTOD231458907<<<<<<<<<<<<<<<
        7408122F1204159UTO<<<<<<<<<<<6
        ERIKSSON<<ANNA<MARIA<<<<<<<<<<

        """;

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private static async Task<int> Emulate(string port, string profile)
    {
        using var output = new StringWriter();
        return await GatewayCtl.RunAsync(
            ["serial", "emulate", port, "--profile", profile, "--mrz-file", "-", "--interval-ms", "10"],
            new Cli.Console(new StringReader(Specimens), output, output));
    }

    private static async Task<Device> WaitForStateAsync(IAsyncStreamReader<DeviceEvent> events, DeviceState state)
    {
        while (await events.MoveNext(Timeout))
        {
            if (events.Current.StateChanged?.Device is { } device && device.State == state)
            {
                return device;
            }
        }

        throw new InvalidOperationException($"the device event stream ended before {state}");
    }

    [Theory]
    [InlineData("lines")]
    [InlineData("desko-cute")]
    [InlineData("3m-rte")]
    public async Task Emulator_DocumentsArriveAtASubscriberAsVerifiedMrzCaptures(string profile)
    {
        await using var pair = await SocatPair.StartAsync();
        await using var gateway = await RunningGateway.StartAsync([RunningGateway.Device("reader-1", "serial", new { Port = pair.GatewayEnd, Profile = profile })]);
        var devices = new DeviceService.DeviceServiceClient(gateway.Channel);
        using var states = devices.WatchDevices(new WatchDevicesRequest { DeviceId = "reader-1" }, cancellationToken: Timeout);
        await WaitForStateAsync(states.ResponseStream, DeviceState.Ready);
        using var watch = new CaptureService.CaptureServiceClient(gateway.Channel).WatchCaptures(new WatchCapturesRequest(), cancellationToken: Timeout);

        Assert.Equal(0, await Emulate(pair.ReaderEnd, profile));

        var captures = new List<Capture>();
        while (captures.Count < 2 && await watch.ResponseStream.MoveNext(Timeout))
        {
            captures.Add(watch.ResponseStream.Current);
        }

        Assert.Equal(["TD3", "TD1"], captures.Select(c => c.Document.Fields.Format));
        Assert.All(captures, c =>
        {
            Assert.Equal("reader-1", c.DeviceId);
            Assert.True(c.Verified);
            Assert.True(c.Document.Mrz.Valid);
            Assert.Contains(c.Checks, check => check.Name == "mrz.check_digit.composite" && check.Outcome == CheckOutcome.Passed);
        });
    }

    [Fact]
    public async Task CablePulledAndPluggedBackIn_DeviceGoesFaultedThenReadyAndTheNextDocumentArrives()
    {
        await using var pair = await SocatPair.StartAsync();
        await using var gateway = await RunningGateway.StartAsync([RunningGateway.Device("reader-1", "serial", new { Port = pair.GatewayEnd, Profile = "desko-cute" })]);
        var devices = new DeviceService.DeviceServiceClient(gateway.Channel);
        using var states = devices.WatchDevices(new WatchDevicesRequest { DeviceId = "reader-1" }, cancellationToken: Timeout);
        await WaitForStateAsync(states.ResponseStream, DeviceState.Ready);

        await pair.KillAsync();
        var faulted = await WaitForStateAsync(states.ResponseStream, DeviceState.Faulted);
        Assert.StartsWith("serial.", faulted.ReasonCode, StringComparison.Ordinal);
        await pair.RestartAsync();
        await WaitForStateAsync(states.ResponseStream, DeviceState.Ready);

        using var watch = new CaptureService.CaptureServiceClient(gateway.Channel).WatchCaptures(new WatchCapturesRequest(), cancellationToken: Timeout);
        Assert.Equal(0, await Emulate(pair.ReaderEnd, "desko-cute"));
        Assert.True(await watch.ResponseStream.MoveNext(Timeout));
        Assert.True(watch.ResponseStream.Current.Verified);
        Assert.True(watch.ResponseStream.Current.Document.Mrz.Valid);
    }

    [Fact]
    public async Task SerialPorts_ListsPortsAndSaysPseudoTerminalsAreNotListed()
    {
        using var output = new StringWriter();

        var code = await GatewayCtl.RunAsync(["serial", "ports"], new Cli.Console(TextReader.Null, output, output));

        Assert.Equal(0, code);
        Assert.Contains("Pseudo-terminals (socat pairs, /dev/pts/N) are not listed", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SerialSniff_PrintsTheRawBytesAndTheFramesTheEmulatorSends()
    {
        await using var pair = await SocatPair.StartAsync();
        var output = new SignallingWriter("listening on");
        var sniff = GatewayCtl.RunAsync(["serial", "sniff", pair.GatewayEnd, "--profile", "3m-rte", "--count", "2"], new Cli.Console(TextReader.Null, output, output));
        await output.Seen.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, await Emulate(pair.ReaderEnd, "3m-rte"));

        Assert.Equal(0, await sniff.WaitAsync(TimeSpan.FromSeconds(30)));
        var text = output.ToString();
        Assert.Contains("RAW 16 bytes  01 61 00 4F 55 02 30", text, StringComparison.Ordinal);
        Assert.Contains("FRAME mrz at 0: 2 lines", text, StringComparison.Ordinal);
        Assert.Contains("FRAME mrz at 100: 3 lines", text, StringComparison.Ordinal);
    }

    /// <summary>Output that lets a test wait until a command has printed a given text.</summary>
    private sealed class SignallingWriter(string awaited) : StringWriter
    {
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Seen => _seen.Task;

        public override Task WriteLineAsync(string? value)
        {
            lock (this)
            {
                base.WriteLine(value);
            }

            if (value?.Contains(awaited, StringComparison.Ordinal) == true)
            {
                _seen.TrySetResult();
            }

            return Task.CompletedTask;
        }

        public override string ToString()
        {
            lock (this)
            {
                return base.ToString();
            }
        }
    }
}
