using System.Text.Json;
using Gateway.Cli;

namespace Gateway.EndToEnd.Tests;

public sealed class GatewayCtlTests
{
    private static async Task<(int Code, string Out, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await GatewayCtl.RunAsync(args, new Cli.Console(TextReader.Null, output, error));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Watch_Json_PrintsCapturesAsJsonLinesWithDefaults()
    {
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("reader-1", "simulated-document", new { IntervalSeconds = 0.05 })]);

        var (code, output, _) = await Run("watch", "--address", gateway.Address.ToString(), "--json", "--count", "2");

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("1", first.RootElement.GetProperty("sequence").GetString());
        Assert.Equal("reader-1", first.RootElement.GetProperty("deviceId").GetString());
        Assert.False(first.RootElement.GetProperty("verified").GetBoolean());
        Assert.Contains("<", first.RootElement.GetProperty("document").GetProperty("mrzLines")[0].GetString(), StringComparison.Ordinal);
        Assert.Matches("\"[PI]<UTO", lines[0]);
    }

    [Fact]
    public async Task Watch_After_ResumesFromTheGivenSequence()
    {
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("reader-1", "simulated-document", new { IntervalSeconds = 0.02 })]);
        await Run("watch", "--address", gateway.Address.ToString(), "--count", "3");

        var (code, output, _) = await Run("watch", "--address", gateway.Address.ToString(), "--json", "--after", "2", "--count", "1");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("3", json.RootElement.GetProperty("sequence").GetString());
    }

    [Fact]
    public async Task Devices_Table_ShowsEveryDeviceAndItsState()
    {
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("reader-1", "simulated-document"), RunningGateway.Device("camera-1", "simulated-camera")]);

        var (code, output, _) = await Run("devices", "--address", gateway.Address.ToString());

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^reader-1\s+document-reader\s+simulated-document\s+\w+", lines[1]);
        Assert.Matches(@"^camera-1\s+camera\s+simulated-camera", lines[2]);
    }

    [Fact]
    public async Task Health_ServingGateway_ExitsZero()
    {
        await using var gateway = await RunningGateway.StartAsync([RunningGateway.Device("reader-1", "simulated-document")]);

        var (code, output, _) = await Run("health", "--address", gateway.Address.ToString());

        Assert.Equal(0, code);
        Assert.Equal("SERVING", output.Trim());
    }

    [Fact]
    public async Task UnknownOption_IsAUsageError()
    {
        var (code, _, error) = await Run("devices", "--bogus");

        Assert.Equal(2, code);
        Assert.Contains("--bogus", error, StringComparison.Ordinal);
    }
}
