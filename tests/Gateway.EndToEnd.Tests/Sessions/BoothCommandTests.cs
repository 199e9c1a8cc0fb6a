namespace Gateway.EndToEnd.Tests.Sessions;

/// <summary><c>gatewayctl booth</c>, the reference booth client, against the real gateway with simulated devices.</summary>
public sealed class BoothCommandTests
{
    [Fact]
    public async Task BoothAuto_SimulatedDevices_CompletesASessionAndShowsAVerifiedRecord()
    {
        await using var gateway = await RunningGateway.StartAsync(
        [
            // A fixed seed: the simulated reader's first traveller then holds a valid, unexpired passport (about one in
            // sixteen of its random documents has expired, to train officers).
            RunningGateway.Device("reader-1", "simulated-document", new { IntervalSeconds = 0, Seed = 5 }),
            RunningGateway.Device("camera-1", "simulated-camera"),
            RunningGateway.Device("fingerprint-1", "simulated-fingerprint"),
        ]);
        using var output = new StringWriter();

        var code = await Cli.GatewayCtl.RunAsync(
            ["--address", gateway.Address.ToString(), "booth", "--auto", "--booth-id", "booth-9"],
            new Cli.Console(TextReader.Null, output, output));

        var text = output.ToString();
        Assert.True(code == 0, text);
        Assert.Contains("[document] Place the travel document", text, StringComparison.Ordinal);
        Assert.Contains("+ document from reader-1: verified yes", text, StringComparison.Ordinal);
        Assert.Contains("[review]", text, StringComparison.Ordinal);
        Assert.Contains("VERIFIED yes", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Booth_UnknownStep_IsAUsageError()
    {
        using var output = new StringWriter();

        var code = await Cli.GatewayCtl.RunAsync(["booth", "--step", "iris"], new Cli.Console(TextReader.Null, output, output));

        Assert.Equal(2, code);
        Assert.Contains("unknown step 'iris'", output.ToString(), StringComparison.Ordinal);
    }
}
